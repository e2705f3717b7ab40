package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import java.util.HashMap;
import java.util.Map;

/**
 * A native event loop: one multi handle driven by {@code curl_multi_socket_action} from
 * epoll, with the socket and timer callbacks in C. Each {@link #run} call waits for socket
 * events, a timer or a {@link #wakeup}, drives libcurl and hands back the transfers that
 * finished, with no call into Java per socket event. A curlew addition; the engine in
 * {@code io.curlew.async} runs one per thread.
 *
 * <p>Easy handles added here belong to the loop until they finish or are removed: the
 * loop's guard covers them, so only the loop's thread can touch them meanwhile. Every call
 * but {@link #wakeup} must come from one thread at a time.
 */
public final class CurlewLoop extends NativeHandle {

  private final Map<Long, CURL> transfers = new HashMap<>();
  private final Object wakeLock = new Object();
  private final long[] done = new long[2 * 256];
  private boolean bound;

  private CurlewLoop(long address) {
    super(address);
  }

  /** @return a new loop with its own multi handle, epoll set and eventfd */
  public static CurlewLoop create() {
    LibCurlGlobal.Global.ensure();
    long l = CurlewNative.curlew_loop_new();
    if (l == 0) {
      throw new IllegalStateException("curlew_loop_new failed (epoll, eventfd or multi)");
    }
    return new CurlewLoop(l);
  }

  @Override
  String kind() {
    return "event loop (curlew_loop)";
  }

  /**
   * Makes the calling thread the loop's thread for good: it keeps the loop's guard until
   * {@link #close}, so no other thread can drive the loop or touch a transfer in it.
   */
  public void bindToCurrentThread() {
    acquire();
    bound = true;
  }

  /**
   * A multi option of the loop's multi handle ({@code curl_multi_setopt}); the socket and
   * timer functions are the loop's own and cannot be changed.
   *
   * @param option a CURLMOPT_* taking a long or curl_off_t
   * @param value the value
   * @return a CURLMcode
   */
  public int setMultiOption(int option, long value) {
    if (option == LibCurlConstants.CURLMOPT_SOCKETFUNCTION
        || option == LibCurlConstants.CURLMOPT_TIMERFUNCTION) {
      throw new IllegalArgumentException("the loop's socket and timer callbacks are its own");
    }
    NativeHandle g = acquire();
    try {
      long m = CurlewNative.curlew_loop_multi(address());
      return option / 10000 == 3 ? CurlewNative.curlew_multi_setopt_off(m, option, value)
          : CurlewNative.curlew_multi_setopt_long(m, option, value);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Starts a transfer on the loop ({@code curl_multi_add_handle}).
   *
   * @param easy the transfer; not in any multi handle
   * @return a CURLMcode
   */
  public int add(CURL easy) {
    NativeHandle g = acquire();
    try {
      if (easy.multi != null || easy.parent() != null) {
        throw new IllegalStateException("this easy handle is in a multi handle or loop already");
      }
      NativeHandle eg = easy.acquire();
      int rc;
      try {
        easy.dispatch.failure = null;
        rc = CurlewNative.curlew_loop_add(address(), easy.address());
      } finally {
        NativeHandle.release(eg);
      }
      if (rc == LibCurlConstants.CURLM_OK) {
        transfers.put(easy.address(), easy);
        easy.setParent(this);
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Stops a transfer before it finished ({@code curl_multi_remove_handle}).
   *
   * @param easy the transfer
   * @return a CURLMcode
   */
  public int remove(CURL easy) {
    NativeHandle g = acquire();
    Throwable outer = CallbackFailures.begin();
    try {
      if (transfers.remove(easy.address()) == null) {
        return LibCurlConstants.CURLM_BAD_EASY_HANDLE;
      }
      int rc = CurlewNative.curlew_loop_remove(address(), easy.address());
      easy.setParent(null);
      return rc;
    } finally {
      CallbackFailures.take(); // a callback failure stays on its handle
      CallbackFailures.end(outer);
      NativeHandle.release(g);
    }
  }

  /** Receives the transfers one {@link #run} finished. */
  public interface Finished {
    /**
     * @param easy the transfer, no longer in the loop
     * @param result its CURLcode
     */
    void finished(CURL easy, int result);
  }

  /**
   * Runs one iteration: waits up to {@code maxWaitMs} for socket events, the timer or a
   * wakeup, drives libcurl, then reports the finished transfers (after libcurl has
   * returned, so the receiver may start new ones). A callback's Throwable stays on its
   * handle ({@link CURL#takeCallbackFailure}); it does not escape here.
   *
   * @param maxWaitMs the longest wait; 0 polls
   * @param sink receives each finished transfer
   * @return the number of finished transfers
   */
  public int run(int maxWaitMs, Finished sink) {
    NativeHandle g = acquire();
    int n;
    Throwable outer = CallbackFailures.begin();
    try {
      n = CurlewNative.curlew_loop_run(address(), maxWaitMs, done, done.length / 2);
    } finally {
      CallbackFailures.take();
      CallbackFailures.end(outer);
      NativeHandle.release(g);
    }
    if (n < 0) {
      throw new IllegalStateException("epoll_wait failed in the curlew event loop");
    }
    for (int i = 0; i < n; i++) {
      CURL easy = transfers.remove(done[2 * i]);
      if (easy != null) {
        easy.setParent(null);
        sink.finished(easy, (int) done[2 * i + 1]);
      }
    }
    return n;
  }

  /** @return the number of transfers in the loop */
  public int size() {
    return transfers.size();
  }

  /**
   * Wakes a {@link #run} that is waiting; safe from any thread, and harmless after close.
   */
  public void wakeup() {
    synchronized (wakeLock) {
      long l = address();
      if (l != 0) {
        CurlewNative.curlew_loop_wakeup(l);
      }
    }
  }

  /**
   * Removes every transfer still in the loop and frees it (multi handle, epoll set,
   * eventfd). The easy handles stay open.
   */
  public void close() {
    if (isClosed()) {
      return;
    }
    NativeHandle g = acquire();
    try {
      for (CURL easy : transfers.values()) {
        CurlewNative.curlew_loop_remove(address(), easy.address());
        easy.setParent(null);
      }
      transfers.clear();
      synchronized (wakeLock) {
        long l = address();
        markClosed();
        CurlewNative.curlew_loop_free(l);
      }
    } finally {
      NativeHandle.release(g);
      if (bound) {
        bound = false;
        NativeHandle.release(this);
      }
    }
  }

  /** @return JNI global references curlew's native code holds now (for leak tests) */
  public static long nativeGlobalRefs() {
    return CurlewNative.curlew_global_ref_count();
  }
}
