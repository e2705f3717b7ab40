package io.curlew;

import io.curlew.callback.NotifyCallback;
import io.curlew.callback.PushCallback;
import io.curlew.callback.SocketCallback;
import io.curlew.callback.TimerCallback;
import io.curlew.internal.Sneaky;
import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_multi_timer_callback;
import io.curlew.raw.curl_notify_callback;
import io.curlew.raw.curl_push_callback;
import io.curlew.raw.curl_socket_callback;
import io.curlew.raw.curl_waitfd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A multi handle ({@code CURLM}): many transfers driven without blocking by one thread,
 * either with {@link #perform()} and {@link #poll(Duration)}, or from an event loop with
 * {@link #socketAction(int, int)} and the socket and timer callbacks.
 *
 * <pre>{@code
 * try (CurlMulti multi = new CurlMulti()) {
 *   multi.add(a);
 *   multi.add(b);
 *   while (multi.perform() > 0) {
 *     multi.poll(Duration.ofSeconds(1));
 *   }
 *   for (CurlMulti.Done d; (d = multi.infoRead().orElse(null)) != null; ) {
 *     System.out.println(d.easy() + " " + d.code());
 *   }
 * }
 * }</pre>
 *
 * <p>An easy handle in a multi handle belongs to it: {@link CurlEasy#perform()},
 * {@link CurlEasy#close()} and adding it to another multi handle are
 * {@link IllegalStateException}s until it is {@linkplain #remove removed}. The multi handle
 * is used by one thread at a time; {@link #wakeup()} is the one call another thread may
 * make. {@link #close()} removes the easy handles still in it (they stay open) and then
 * frees the multi handle.
 */
public final class CurlMulti implements AutoCloseable {

  /** The socket value that means "the timer ran out" for {@link #socketAction}. */
  public static final int SOCKET_TIMEOUT = LibCurl.CURL_SOCKET_TIMEOUT;
  /** {@code CURL_CSELECT_IN}. */
  public static final int CSELECT_IN = LibCurl.CURL_CSELECT_IN;
  /** {@code CURL_CSELECT_OUT}. */
  public static final int CSELECT_OUT = LibCurl.CURL_CSELECT_OUT;
  /** {@code CURL_CSELECT_ERR}. */
  public static final int CSELECT_ERR = LibCurl.CURL_CSELECT_ERR;

  /** The transfer counters of {@link #transfers(Counter)} ({@code CURLMINFO_*}). */
  public enum Counter {
    /** {@code CURLMINFO_XFERS_CURRENT}: added and not yet removed. */
    CURRENT(LibCurl.CURLMINFO_XFERS_CURRENT),
    /** {@code CURLMINFO_XFERS_RUNNING}: running now. */
    RUNNING(LibCurl.CURLMINFO_XFERS_RUNNING),
    /** {@code CURLMINFO_XFERS_PENDING}: waiting to start. */
    PENDING(LibCurl.CURLMINFO_XFERS_PENDING),
    /** {@code CURLMINFO_XFERS_DONE}: done, not yet read with infoRead. */
    DONE(LibCurl.CURLMINFO_XFERS_DONE),
    /** {@code CURLMINFO_XFERS_ADDED}: added in total. */
    ADDED(LibCurl.CURLMINFO_XFERS_ADDED);

    final int value;

    Counter(int value) {
      this.value = value;
    }
  }

  /**
   * A finished transfer ({@code CURLMsg} with {@code CURLMSG_DONE}).
   *
   * @param easy the transfer
   * @param result its CURLcode
   * @param callbackFailure what one of its callbacks threw, or null
   * @param detail its error buffer's text, or null
   */
  public record Done(CurlEasy easy, int result, Throwable callbackFailure, String detail) {

    /** @return the result as a constant */
    public CurlCode code() {
      return CurlCode.of(result);
    }

    /** @return whether the transfer succeeded (CURLE_OK) */
    public boolean ok() {
      return result == LibCurl.CURLE_OK && callbackFailure == null;
    }

    /**
     * @return the exception {@link CurlEasy#perform()} would have thrown, or null; a
     *     callback's unchecked exception is returned as it is
     */
    public Exception exception() {
      if (ok()) {
        return null;
      }
      if (callbackFailure instanceof RuntimeException re) {
        return re;
      }
      if (callbackFailure instanceof CurlException ce) {
        return ce;
      }
      return CurlException.of(result == LibCurl.CURLE_OK ? LibCurl.CURLE_ABORTED_BY_CALLBACK
          : result, detail, callbackFailure);
    }
  }

  private final CURLM raw;
  private final Map<CURL, CurlEasy> easies = new IdentityHashMap<>();
  private final Map<CurlMultiOption<?>, Object> callbacks = new IdentityHashMap<>();

  /** A new multi handle ({@code curl_multi_init}). */
  public CurlMulti() {
    CURLM m = LibCurl.curl_multi_init();
    if (m == null) {
      throw new OutOfMemoryError("curl_multi_init failed");
    }
    this.raw = m;
  }

  /**
   * Adds a transfer ({@code curl_multi_add_handle}); it starts at the next perform or
   * socketAction.
   *
   * <p>Inside the multi handle the transfer uses the multi handle's connection pool and DNS
   * cache. Connections the handle kept from earlier {@link CurlEasy#perform} calls are not
   * carried over, as in libcurl; share a {@link CurlShare} with {@code CURL_LOCK_DATA_CONNECT}
   * to pool connections across both.
   *
   * @param easy the transfer
   * @return this multi handle
   * @throws IllegalStateException when it is in a multi handle already, or closed
   * @throws CurlMultiException when libcurl refuses
   * @throws CurlException when per-transfer setup fails (opening a download file)
   */
  public CurlMulti add(CurlEasy easy) throws CurlMultiException, CurlException {
    easy.attachTo(this);
    try {
      easy.beginTransfer();
      check(LibCurl.curl_multi_add_handle(raw, easy.raw()), "add");
    } catch (CurlException | CurlMultiException | RuntimeException e) {
      easy.endTransfer();
      easy.attachTo(null);
      throw e;
    }
    easies.put(easy.raw(), easy);
    return this;
  }

  /**
   * Removes a transfer ({@code curl_multi_remove_handle}), finished or not; it can be
   * performed on its own, added again or closed afterwards.
   *
   * @param easy the transfer
   * @return this multi handle
   * @throws IllegalStateException when it is not in this multi handle
   * @throws CurlMultiException when libcurl refuses
   * @throws CurlException when a callback threw a checked exception meanwhile
   */
  public CurlMulti remove(CurlEasy easy) throws CurlMultiException, CurlException {
    if (easy.multi() != this) {
      throw new IllegalStateException("this CurlEasy is not in this CurlMulti");
    }
    try {
      drive(() -> LibCurl.curl_multi_remove_handle(raw, easy.raw()), "remove");
    } finally {
      easies.remove(easy.raw());
      easy.endTransfer();
      easy.attachTo(null);
    }
    return this;
  }

  /**
   * Drives every transfer as far as it can go without waiting ({@code curl_multi_perform}).
   *
   * @return the number of transfers still running
   * @throws CurlMultiException on a CURLMcode error
   * @throws CurlException when a callback threw a checked exception (unchecked ones come
   *     out as they are)
   */
  public int perform() throws CurlMultiException, CurlException {
    int[] running = new int[1];
    drive(() -> LibCurl.curl_multi_perform(raw, running), "perform");
    return running[0];
  }

  /**
   * Waits for activity on the transfers, or a {@link #wakeup()} ({@code curl_multi_poll}).
   *
   * @param timeout the longest wait
   * @return the number of descriptors with activity
   * @throws CurlMultiException on error
   */
  public int poll(Duration timeout) throws CurlMultiException {
    int[] n = new int[1];
    check(LibCurl.curl_multi_poll(raw, null, 0, millis(timeout), n), "poll");
    return n[0];
  }

  /**
   * Waits for activity on the transfers ({@code curl_multi_wait}); unlike poll it returns
   * at once when there is nothing to wait for, and ignores wakeup.
   *
   * @param timeout the longest wait
   * @return the number of descriptors with activity
   * @throws CurlMultiException on error
   */
  public int await(Duration timeout) throws CurlMultiException {
    int[] n = new int[1];
    check(LibCurl.curl_multi_wait(raw, null, 0, millis(timeout), n), "await");
    return n[0];
  }

  /**
   * Waits like {@link #poll(Duration)}, also for extra descriptors of the application.
   *
   * @param extra descriptors and the events to wait for; their revents are filled in
   * @param timeout the longest wait
   * @return the number of descriptors with activity
   * @throws CurlMultiException on error
   */
  public int poll(curl_waitfd[] extra, Duration timeout) throws CurlMultiException {
    int[] n = new int[1];
    check(LibCurl.curl_multi_poll(raw, extra, extra.length, millis(timeout), n), "poll");
    return n[0];
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, d.toMillis()));
  }

  /**
   * Makes a {@link #poll} that is waiting return at once ({@code curl_multi_wakeup}). The
   * one call that is safe from any thread.
   *
   * @throws CurlMultiException on error
   */
  public void wakeup() throws CurlMultiException {
    check(LibCurl.curl_multi_wakeup(raw), "wakeup");
  }

  /**
   * The next finished transfer ({@code curl_multi_info_read}). The transfer stays in the
   * multi handle until {@linkplain #remove removed}.
   *
   * @return it, or empty when no more have finished
   */
  public Optional<Done> infoRead() {
    while (true) {
      CURLMsg msg = LibCurl.curl_multi_info_read(raw, null);
      if (msg == null) {
        return Optional.empty();
      }
      if (msg.msg != LibCurl.CURLMSG_DONE) {
        continue;
      }
      CurlEasy easy = easies.get(msg.easy_handle);
      if (easy == null) {
        continue;
      }
      Throwable failure = msg.easy_handle.takeCallbackFailure();
      CurlException closing = easy.endTransfer();
      if (failure == null && closing != null) {
        failure = closing;
      }
      String detail = msg.data.result == LibCurl.CURLE_OK ? null
          : easy.failure(msg.data.result, null).detail();
      return Optional.of(new Done(easy, msg.data.result, failure, detail));
    }
  }

  /**
   * Sets a multi option ({@code curl_multi_setopt}).
   *
   * @param <T> the option's value type
   * @param option the option
   * @param value the value; null removes a callback
   * @return this multi handle
   * @throws IllegalArgumentException when libcurl refuses the value
   */
  public <T> CurlMulti setOption(CurlMultiOption<T> option, T value) {
    int rc;
    switch (option.kind) {
      case LONG, OFF_T -> rc = LibCurl.curl_multi_setopt(raw, option.id(),
          ((Number) value).longValue());
      case SLIST -> rc = LibCurl.curl_multi_setopt(raw, option.id(), (Object) null);
      case CALLBACK -> rc = setCallback(option, value);
      case UNSUPPORTED -> throw new UnsupportedOperationException(option + ": " + option.detail);
      default -> throw new IllegalStateException("unexpected kind " + option.kind);
    }
    if (rc != LibCurl.CURLM_OK) {
      throw new IllegalArgumentException(option + " was refused: " + CurlMultiCode.of(rc) + ": "
          + Curl.multiStrerror(rc));
    }
    return this;
  }

  private int setCallback(CurlMultiOption<?> option, Object cb) {
    if (cb == null) {
      callbacks.remove(option);
    } else {
      callbacks.put(option, cb);
    }
    int id = option.id();
    if (id == LibCurl.CURLMOPT_SOCKETFUNCTION) {
      SocketCallback s = (SocketCallback) cb;
      return LibCurl.curl_multi_setopt(raw, id, s == null ? null
          : (curl_socket_callback) (e, fd, what, ud, sp) -> {
            try {
              s.socket(e == null ? null : easies.get(e), fd, what, sp);
              return 0;
            } catch (Exception ex) {
              throw Sneaky.raise(ex);
            }
          });
    }
    if (id == LibCurl.CURLMOPT_TIMERFUNCTION) {
      TimerCallback t = (TimerCallback) cb;
      return LibCurl.curl_multi_setopt(raw, id, t == null ? null
          : (curl_multi_timer_callback) (m, ms, ud) -> {
            try {
              t.timer(ms);
              return 0;
            } catch (Exception ex) {
              throw Sneaky.raise(ex);
            }
          });
    }
    if (id == LibCurl.CURLMOPT_PUSHFUNCTION) {
      PushCallback p = (PushCallback) cb;
      return LibCurl.curl_multi_setopt(raw, id, p == null ? null
          : (curl_push_callback) (parent, pushed, n, headers, ud) -> {
            List<String> list = new ArrayList<>();
            for (long i = 0; i < n; i++) {
              list.add(LibCurl.curl_pushheader_bynum(headers, i));
            }
            CurlEasy child = CurlEasy.adopt(pushed);
            try {
              if (p.push(easies.get(parent), child, list)) {
                easies.put(pushed, child);
                child.attachTo(this);
                return LibCurl.CURL_PUSH_OK;
              }
              return LibCurl.CURL_PUSH_DENY;
            } catch (Exception ex) {
              throw Sneaky.raise(ex);
            }
          });
    }
    if (id == LibCurl.CURLMOPT_NOTIFYFUNCTION) {
      NotifyCallback n = (NotifyCallback) cb;
      return LibCurl.curl_multi_setopt(raw, id, n == null ? null
          : (curl_notify_callback) (m, what, e, ud) -> {
            try {
              n.notify(what, e == null ? null : easies.get(e));
            } catch (Exception ex) {
              throw Sneaky.raise(ex);
            }
          });
    }
    throw new IllegalArgumentException(option + " is not a callback option");
  }

  /** @return the transfers in this multi handle ({@code curl_multi_get_handles}) */
  public List<CurlEasy> handles() {
    List<CurlEasy> out = new ArrayList<>();
    for (CURL c : LibCurl.curl_multi_get_handles(raw)) {
      CurlEasy e = easies.get(c);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * A transfer counter ({@code curl_multi_get_offt}).
   *
   * @param counter which
   * @return its value
   */
  public long transfers(Counter counter) {
    long[] out = new long[1];
    int rc = LibCurl.curl_multi_get_offt(raw, counter.value, out);
    if (rc != LibCurl.CURLM_OK) {
      throw new IllegalStateException("curl_multi_get_offt: " + Curl.multiStrerror(rc));
    }
    return out[0];
  }

  /**
   * Turns a notification on ({@code curl_multi_notify_enable}); set
   * {@link CurlMultiOption#NOTIFYFUNCTION} to receive it.
   *
   * @param notification CURLMNOTIFY_INFO_READ or CURLMNOTIFY_EASY_DONE
   * @throws CurlMultiException on error
   */
  public void notifyEnable(int notification) throws CurlMultiException {
    check(LibCurl.curl_multi_notify_enable(raw, notification), "notifyEnable");
  }

  /**
   * Turns a notification off ({@code curl_multi_notify_disable}).
   *
   * @param notification CURLMNOTIFY_INFO_READ or CURLMNOTIFY_EASY_DONE
   * @throws CurlMultiException on error
   */
  public void notifyDisable(int notification) throws CurlMultiException {
    check(LibCurl.curl_multi_notify_disable(raw, notification), "notifyDisable");
  }

  // --- multi_socket ----------------------------------------------------------------------

  /**
   * Tells libcurl that a socket is ready, or that the timer ran out
   * ({@code curl_multi_socket_action}).
   *
   * @param fd the socket, or {@link #SOCKET_TIMEOUT}
   * @param eventMask {@link #CSELECT_IN}, {@link #CSELECT_OUT}, {@link #CSELECT_ERR} bits, or
   *     0 to let libcurl find out
   * @return the number of transfers still running
   * @throws CurlMultiException on a CURLMcode error
   * @throws CurlException when a callback threw a checked exception
   */
  public int socketAction(int fd, int eventMask) throws CurlMultiException, CurlException {
    int[] running = new int[1];
    drive(() -> LibCurl.curl_multi_socket_action(raw, fd, eventMask, running), "socketAction");
    return running[0];
  }

  /**
   * An object the socket callback receives with this socket ({@code curl_multi_assign}).
   *
   * @param fd the socket
   * @param data the object, or null to remove it
   * @throws CurlMultiException when libcurl does not know the socket
   */
  public void assign(int fd, Object data) throws CurlMultiException {
    check(LibCurl.curl_multi_assign(raw, fd, data), "assign");
  }

  /**
   * How long the application may wait before calling libcurl ({@code curl_multi_timeout}).
   *
   * @return the time; empty when libcurl has no timeout set
   * @throws CurlMultiException on error
   */
  public Optional<Duration> socketTimeout() throws CurlMultiException {
    long[] ms = new long[1];
    check(LibCurl.curl_multi_timeout(raw, ms), "timeout");
    return ms[0] < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms[0]));
  }

  // --- life cycle ------------------------------------------------------------------------

  /**
   * Removes the transfers still in the multi handle (they stay open and can be used on
   * their own) and frees it ({@code curl_multi_cleanup}). Calling it again does nothing.
   */
  @Override
  public void close() {
    if (raw.isClosed()) {
      return;
    }
    for (CurlEasy e : new ArrayList<>(easies.values())) {
      LibCurl.curl_multi_remove_handle(raw, e.raw());
      e.attachTo(null);
    }
    easies.clear();
    LibCurl.curl_multi_cleanup(raw);
  }

  /** @return whether {@link #close()} has freed the handle */
  public boolean isClosed() {
    return raw.isClosed();
  }

  // --- helpers -----------------------------------------------------------------------------

  private interface Call {
    int run();
  }

  /**
   * A call that may run callbacks: their unchecked Throwables come out here as they are,
   * checked ones wrapped in a CurlAbortedByCallbackException.
   */
  private void drive(Call call, String what) throws CurlMultiException, CurlException {
    int rc;
    try {
      rc = call.run();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new CurlAbortedByCallbackException(LibCurl.CURLE_ABORTED_BY_CALLBACK,
          "a callback threw " + t, t);
    }
    check(rc, what);
  }

  private static void check(int rc, String what) throws CurlMultiException {
    if (rc == LibCurl.CURLM_RECURSIVE_API_CALL) {
      throw CurlEasy.recursive("CurlMulti." + what + "()");
    }
    if (rc != LibCurl.CURLM_OK) {
      throw new CurlMultiException(rc, what);
    }
  }
}
