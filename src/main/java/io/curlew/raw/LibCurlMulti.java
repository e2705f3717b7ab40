package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import java.util.ArrayList;
import java.util.List;

/**
 * libcurl's multi and multi_socket interfaces under their C names. Part of {@link LibCurl}.
 *
 * <p>An easy handle in a multi handle cannot be performed on its own or added to a second
 * multi handle; its callbacks run on the thread that calls {@code curl_multi_perform} or
 * {@code curl_multi_socket_action}, and a Throwable one of them throws is rethrown by that
 * call. {@link #curl_multi_wakeup} is the one call another thread may make while a thread
 * waits in {@link #curl_multi_poll}.
 */
@SuppressWarnings("overloads")
public class LibCurlMulti extends LibCurlCallbacks {

  LibCurlMulti() {
  }

  /** @return {@code curl_multi_init()}: a new multi handle, or null */
  public static CURLM curl_multi_init() {
    Global.ensure();
    long ctx = CurlewNative.curlew_multi_init();
    if (ctx == 0) {
      return null;
    }
    CURLM m = new CURLM(ctx);
    CurlewNative.curlew_jni_bind(m.dispatch, 1, ctx);
    return m;
  }

  /**
   * {@code curl_multi_cleanup}: frees the multi handle; its easy handles stay valid and are
   * no longer in it. libcurl may still call the socket callback while this runs.
   *
   * @param multi the handle, or null
   * @return a CURLMcode
   */
  public static int curl_multi_cleanup(CURLM multi) {
    if (multi == null || multi.isClosed()) {
      return CURLM_OK;
    }
    NativeHandle g = multi.acquireExclusive("curl_multi_cleanup");
    Throwable outer = CallbackFailures.begin();
    try {
      long ctx = multi.address();
      int rc;
      synchronized (multi.wakeLock) {
        rc = CurlewNative.curlew_multi_cleanup(ctx);
        multi.markClosed();
      }
      for (CURL e : multi.easies.values()) {
        e.multi = null;
        e.setParent(null);
      }
      multi.easies.clear();
      multi.assigned.clear();
      return rc;
    } finally {
      NativeHandle.release(g);
      CallbackFailures.end(outer);
    }
  }

  /**
   * {@code curl_multi_add_handle}.
   *
   * @param multi the multi handle
   * @param easy the transfer to add
   * @return a CURLMcode; CURLM_ADDED_ALREADY when it is in a multi handle already
   */
  public static int curl_multi_add_handle(CURLM multi, CURL easy) {
    NativeHandle mg = multi.acquire();
    try {
      if (easy.multi != null) {
        return CURLM_ADDED_ALREADY;
      }
      NativeHandle eg = easy.acquire();
      try {
        int rc = CurlewNative.curlew_multi_add_handle(multi.address(), easy.address());
        if (rc == CURLM_OK) {
          multi.easies.put(easy.address(), easy);
          easy.multi = multi;
          easy.setParent(multi);
        }
        return rc;
      } finally {
        NativeHandle.release(eg);
      }
    } finally {
      NativeHandle.release(mg);
    }
  }

  /**
   * {@code curl_multi_remove_handle}.
   *
   * @param multi the multi handle
   * @param easy the transfer to remove
   * @return a CURLMcode
   */
  public static int curl_multi_remove_handle(CURLM multi, CURL easy) {
    NativeHandle mg = multi.acquire();
    Throwable outer = CallbackFailures.begin();
    try {
      if (easy.multi != multi || easy.isClosed()) {
        return CURLM_BAD_EASY_HANDLE;
      }
      int rc = CurlewNative.curlew_multi_remove_handle(multi.address(), easy.address());
      if (rc == CURLM_OK) {
        multi.easies.remove(easy.address());
        easy.multi = null;
        easy.setParent(null);
      }
      return rc;
    } finally {
      NativeHandle.release(mg);
      CallbackFailures.end(outer);
    }
  }

  /**
   * {@code curl_multi_perform}: drives every transfer as far as it can go without waiting.
   *
   * @param multi the multi handle
   * @param runningHandles receives the number of running transfers in {@code [0]}
   * @return a CURLMcode
   */
  public static int curl_multi_perform(CURLM multi, int[] runningHandles) {
    NativeHandle g = multi.acquire();
    Throwable outer = CallbackFailures.begin();
    try {
      int rc = CurlewNative.curlew_multi_perform(multi.address(), runningHandles);
      copyErrorBuffers(multi);
      return rc;
    } finally {
      NativeHandle.release(g);
      CallbackFailures.end(outer);
    }
  }

  private static void copyErrorBuffers(CURLM multi) {
    for (CURL e : multi.easies.values()) {
      if (e.errorBuffer != null) {
        copyErrorBuffer(e);
      }
    }
  }

  /**
   * {@code curl_multi_poll}: waits for activity on the transfers, the extra descriptors or
   * a {@link #curl_multi_wakeup}.
   *
   * @param multi the multi handle
   * @param extraFds extra descriptors, or null; their revents are filled in
   * @param extraNfds how many of them
   * @param timeoutMs the longest wait
   * @param numfds receives the number of ready descriptors, or null
   * @return a CURLMcode
   */
  public static int curl_multi_poll(CURLM multi, curl_waitfd[] extraFds, int extraNfds,
      int timeoutMs, int[] numfds) {
    return waitOrPoll(multi, extraFds, extraNfds, timeoutMs, numfds, true);
  }

  /**
   * {@code curl_multi_wait}: like {@link #curl_multi_poll}, without wakeup support and
   * returning at once when there is nothing to wait for.
   *
   * @param multi the multi handle
   * @param extraFds extra descriptors, or null
   * @param extraNfds how many of them
   * @param timeoutMs the longest wait
   * @param numfds receives the number of ready descriptors, or null
   * @return a CURLMcode
   */
  public static int curl_multi_wait(CURLM multi, curl_waitfd[] extraFds, int extraNfds,
      int timeoutMs, int[] numfds) {
    return waitOrPoll(multi, extraFds, extraNfds, timeoutMs, numfds, false);
  }

  private static int waitOrPoll(CURLM multi, curl_waitfd[] extra, int n, int timeoutMs,
      int[] numfds, boolean poll) {
    if (n < 0 || n > 64 || (n > 0 && (extra == null || extra.length < n))) {
      throw new IllegalArgumentException("extra descriptors: " + n + " (0 to 64 that exist)");
    }
    int[] pairs = n == 0 ? null : new int[2 * n];
    for (int i = 0; i < n; i++) {
      pairs[2 * i] = extra[i].fd;
      pairs[2 * i + 1] = extra[i].events;
    }
    NativeHandle g = multi.acquire();
    try {
      int rc = poll ? CurlewNative.curlew_multi_poll(multi.address(), pairs, n, timeoutMs, numfds)
          : CurlewNative.curlew_multi_wait(multi.address(), pairs, n, timeoutMs, numfds);
      for (int i = 0; i < n; i++) {
        extra[i].revents = (short) pairs[2 * i + 1];
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_wakeup}: makes a {@link #curl_multi_poll} return early. The only
   * multi call that is safe from another thread.
   *
   * @param multi the multi handle
   * @return a CURLMcode
   */
  public static int curl_multi_wakeup(CURLM multi) {
    synchronized (multi.wakeLock) {
      long ctx = multi.address();
      if (ctx == 0) {
        throw new IllegalStateException("this multi handle (CURLM) is closed");
      }
      return CurlewNative.curlew_multi_wakeup(ctx);
    }
  }

  /**
   * {@code curl_multi_info_read}: the next message about a finished transfer.
   *
   * @param multi the multi handle
   * @param msgsInQueue receives how many messages are left in {@code [0]}, or null
   * @return the message, or null when there is none
   */
  public static CURLMsg curl_multi_info_read(CURLM multi, int[] msgsInQueue) {
    NativeHandle g = multi.acquire();
    try {
      long[] out = new long[3];
      int left = CurlewNative.curlew_multi_info_read(multi.address(), out);
      if (left < 0) {
        if (msgsInQueue != null) {
          msgsInQueue[0] = 0;
        }
        return null;
      }
      if (msgsInQueue != null) {
        msgsInQueue[0] = left;
      }
      return new CURLMsg((int) out[0], multi.easies.get(out[1]), (int) out[2]);
    } finally {
      NativeHandle.release(g);
    }
  }

  // --- setopt ------------------------------------------------------------------------

  /**
   * {@code curl_multi_setopt} for LONG and OFF_T options.
   *
   * @param multi the multi handle
   * @param option a CURLMOPT_*
   * @param value the value
   * @return a CURLMcode
   */
  public static int curl_multi_setopt(CURLM multi, int option, long value) {
    NativeHandle g = multi.acquire();
    try {
      int rc = option / 10000 == 3
          ? CurlewNative.curlew_multi_setopt_off(multi.address(), option, value)
          : CurlewNative.curlew_multi_setopt_long(multi.address(), option, value);
      return multiChecked(rc, option, "a number");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_setopt} for the *DATA options (SOCKETDATA, TIMERDATA, PUSHDATA,
   * NOTIFYDATA) and the obsolete PIPELINING_SITE_BL / PIPELINING_SERVER_BL lists.
   *
   * @param multi the multi handle
   * @param option a CURLMOPT_*
   * @param value the object handed to the callbacks (a String[] for the _BL lists)
   * @return a CURLMcode
   */
  public static int curl_multi_setopt(CURLM multi, int option, Object value) {
    if (value instanceof Number n) {
      return curl_multi_setopt(multi, option, n.longValue());
    }
    NativeHandle g = multi.acquire();
    try {
      MultiDispatch d = multi.dispatch;
      switch (option) {
        case CURLMOPT_SOCKETDATA -> d.socketData = value;
        case CURLMOPT_TIMERDATA -> d.timerData = value;
        case CURLMOPT_PUSHDATA -> d.pushData = value;
        case CURLMOPT_NOTIFYDATA -> d.notifyData = value;
        case CURLMOPT_PIPELINING_SITE_BL, CURLMOPT_PIPELINING_SERVER_BL -> {
          return multiChecked(CurlewNative.curlew_multi_setopt_slist(multi.address(), option,
              null, 0), option, "a list");
        }
        default -> throw new IllegalArgumentException("CURLMOPT " + option
            + " does not take an object");
      }
      return CURLM_OK;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_setopt(CURLMOPT_SOCKETFUNCTION)}.
   *
   * @param multi the multi handle
   * @param option CURLMOPT_SOCKETFUNCTION
   * @param callback the callback, or null
   * @return a CURLMcode
   */
  public static int curl_multi_setopt(CURLM multi, int option, curl_socket_callback callback) {
    return setCallback(multi, option, CURLMOPT_SOCKETFUNCTION, callback,
        d -> d.socket = callback);
  }

  /**
   * {@code curl_multi_setopt(CURLMOPT_TIMERFUNCTION)}.
   *
   * @param multi the multi handle
   * @param option CURLMOPT_TIMERFUNCTION
   * @param callback the callback, or null
   * @return a CURLMcode
   */
  public static int curl_multi_setopt(CURLM multi, int option,
      curl_multi_timer_callback callback) {
    return setCallback(multi, option, CURLMOPT_TIMERFUNCTION, callback, d -> d.timer = callback);
  }

  /**
   * {@code curl_multi_setopt(CURLMOPT_PUSHFUNCTION)}.
   *
   * @param multi the multi handle
   * @param option CURLMOPT_PUSHFUNCTION
   * @param callback the callback, or null
   * @return a CURLMcode
   */
  public static int curl_multi_setopt(CURLM multi, int option, curl_push_callback callback) {
    return setCallback(multi, option, CURLMOPT_PUSHFUNCTION, callback, d -> d.push = callback);
  }

  /**
   * {@code curl_multi_setopt(CURLMOPT_NOTIFYFUNCTION)}.
   *
   * @param multi the multi handle
   * @param option CURLMOPT_NOTIFYFUNCTION
   * @param callback the callback, or null
   * @return a CURLMcode
   */
  public static int curl_multi_setopt(CURLM multi, int option, curl_notify_callback callback) {
    return setCallback(multi, option, CURLMOPT_NOTIFYFUNCTION, callback,
        d -> d.notify = callback);
  }

  private static int setCallback(CURLM multi, int option, int expected, Object cb,
      java.util.function.Consumer<MultiDispatch> store) {
    if (option != expected) {
      throw new IllegalArgumentException("CURLMOPT " + option + " does not take a "
          + (cb == null ? "callback" : cb.getClass().getSimpleName()));
    }
    NativeHandle g = multi.acquire();
    try {
      store.accept(multi.dispatch);
      return multiChecked(CurlewNative.curlew_multi_setopt_callback(multi.address(), option,
          cb != null ? 1 : 0), option, "a callback");
    } finally {
      NativeHandle.release(g);
    }
  }

  private static int multiChecked(int rc, int option, String given) {
    if (rc == E_TYPE) {
      throw new IllegalArgumentException("CURLMOPT " + option + " does not take " + given);
    }
    return rc;
  }

  // --- multi_socket ----------------------------------------------------------------------

  /**
   * {@code curl_multi_socket_action}: tells libcurl a socket is ready (or the timer ran
   * out: {@code s = CURL_SOCKET_TIMEOUT}).
   *
   * @param multi the multi handle
   * @param s the socket, or CURL_SOCKET_TIMEOUT
   * @param evBitmask CURL_CSELECT_IN / _OUT / _ERR bits, or 0 to let libcurl check
   * @param runningHandles receives the number of running transfers in {@code [0]}
   * @return a CURLMcode
   */
  public static int curl_multi_socket_action(CURLM multi, int s, int evBitmask,
      int[] runningHandles) {
    NativeHandle g = multi.acquire();
    Throwable outer = CallbackFailures.begin();
    try {
      int rc = CurlewNative.curlew_multi_socket_action(multi.address(), s, evBitmask,
          runningHandles);
      copyErrorBuffers(multi);
      return rc;
    } finally {
      NativeHandle.release(g);
      CallbackFailures.end(outer);
    }
  }

  /**
   * {@code curl_multi_assign}: an object the socket callback receives for this socket.
   *
   * @param multi the multi handle
   * @param sockfd the socket
   * @param sockp the object, or null to remove
   * @return a CURLMcode
   */
  public static int curl_multi_assign(CURLM multi, int sockfd, Object sockp) {
    NativeHandle g = multi.acquire();
    try {
      long id = 0;
      if (sockp != null) {
        id = multi.nextAssignId++;
        multi.assigned.put(id, sockp);
      }
      int rc = CurlewNative.curlew_multi_assign(multi.address(), sockfd, id);
      if (rc != CURLM_OK && id != 0) {
        multi.assigned.remove(id);
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_timeout}: how long the application may wait before it must call
   * libcurl.
   *
   * @param multi the multi handle
   * @param timeout receives milliseconds in {@code [0]}; -1 means no timeout is set
   * @return a CURLMcode
   */
  public static int curl_multi_timeout(CURLM multi, long[] timeout) {
    NativeHandle g = multi.acquire();
    try {
      return CurlewNative.curlew_multi_timeout(multi.address(), timeout);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_get_handles}.
   *
   * @param multi the multi handle
   * @return the easy handles in it (those the application added)
   */
  public static CURL[] curl_multi_get_handles(CURLM multi) {
    NativeHandle g = multi.acquire();
    try {
      int n = CurlewNative.curlew_multi_get_handles(multi.address(), null, 0);
      long[] out = new long[Math.max(n, 0)];
      n = CurlewNative.curlew_multi_get_handles(multi.address(), out, out.length);
      List<CURL> list = new ArrayList<>();
      for (int i = 0; i < Math.min(n, out.length); i++) {
        CURL c = multi.easies.get(out[i]);
        if (c != null) {
          list.add(c);
        }
      }
      return list.toArray(new CURL[0]);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_get_offt}: a transfer counter.
   *
   * @param multi the multi handle
   * @param info CURLMINFO_XFERS_CURRENT, _RUNNING, _PENDING, _DONE or _ADDED
   * @param out receives the count in {@code [0]}
   * @return a CURLMcode
   */
  public static int curl_multi_get_offt(CURLM multi, int info, long[] out) {
    NativeHandle g = multi.acquire();
    try {
      return CurlewNative.curlew_multi_get_offt(multi.address(), info, out);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_waitfds}: the descriptors libcurl wants watched.
   *
   * @param multi the multi handle
   * @param ufds filled with up to {@code size} entries, or null to count only
   * @param size room in ufds
   * @param fdCount receives the number libcurl has in {@code [0]}
   * @return a CURLMcode
   */
  public static int curl_multi_waitfds(CURLM multi, curl_waitfd[] ufds, int size, int[] fdCount) {
    if (size < 0 || (ufds != null && size > ufds.length) || (ufds == null && size != 0)) {
      throw new IllegalArgumentException("size " + size + " outside the array");
    }
    NativeHandle g = multi.acquire();
    try {
      int[] pairs = new int[2 * Math.min(size, 64)];
      int rc = CurlewNative.curlew_multi_waitfds(multi.address(), pairs, Math.min(size, 64),
          fdCount);
      for (int i = 0; ufds != null && i < Math.min(Math.min(size, 64), fdCount[0]); i++) {
        ufds[i] = new curl_waitfd(pairs[2 * i], pairs[2 * i + 1]);
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_fdset}: the descriptors libcurl wants watched, as fd_sets for
   * {@link #select}.
   *
   * @param multi the multi handle
   * @param readFdSet read set
   * @param writeFdSet write set
   * @param excFdSet exception set
   * @param maxFd receives the highest descriptor (-1 for none) in {@code [0]}
   * @return a CURLMcode
   */
  public static int curl_multi_fdset(CURLM multi, fd_set readFdSet, fd_set writeFdSet,
      fd_set excFdSet, int[] maxFd) {
    NativeHandle g = multi.acquire();
    try {
      return CurlewNative.curlew_multi_fdset(multi.address(), readFdSet.bits, writeFdSet.bits,
          excFdSet.bits, maxFd);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_multi_notify_enable}.
   *
   * @param multi the multi handle
   * @param notification CURLMNOTIFY_INFO_READ or CURLMNOTIFY_EASY_DONE
   * @return a CURLMcode
   */
  public static int curl_multi_notify_enable(CURLM multi, int notification) {
    return notify(multi, notification, 1);
  }

  /**
   * {@code curl_multi_notify_disable}.
   *
   * @param multi the multi handle
   * @param notification CURLMNOTIFY_INFO_READ or CURLMNOTIFY_EASY_DONE
   * @return a CURLMcode
   */
  public static int curl_multi_notify_disable(CURLM multi, int notification) {
    return notify(multi, notification, 0);
  }

  private static int notify(CURLM multi, int notification, int enable) {
    NativeHandle g = multi.acquire();
    try {
      return CurlewNative.curlew_multi_notify(multi.address(), notification, enable);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_pushheader_bynum}, during a push callback only.
   *
   * @param h the push headers
   * @param num which header
   * @return "name: value", or null
   */
  public static String curl_pushheader_bynum(curl_pushheaders h, long num) {
    if (h.address == 0) {
      throw new IllegalStateException("push headers are only valid during the push callback");
    }
    return CStrings.at(CurlewNative.curl_pushheader_bynum(h.address, num));
  }

  /**
   * {@code curl_pushheader_byname}, during a push callback only.
   *
   * @param h the push headers
   * @param name the header name
   * @return its value, or null
   */
  public static String curl_pushheader_byname(curl_pushheaders h, String name) {
    if (h.address == 0) {
      throw new IllegalStateException("push headers are only valid during the push callback");
    }
    return CStrings.at(CurlewNative.curl_pushheader_byname(h.address, CStrings.of(name)));
  }
}
