package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/**
 * libcurl's share interface under its C names. Part of {@link LibCurl}. Locking is done
 * by native mutexes, one per {@code curl_lock_data}, unless the application sets its own
 * lock functions (then they are called, from whichever thread takes the lock).
 */
public class LibCurlShare extends LibCurlMulti {

  LibCurlShare() {
  }

  /** @return {@code curl_share_init()}: a new share handle, or null */
  public static CURLSH curl_share_init() {
    Global.ensure();
    long ctx = CurlewNative.curlew_share_init();
    if (ctx == 0) {
      return null;
    }
    CURLSH s = new CURLSH(ctx);
    CurlewNative.curlew_jni_bind(s.dispatch, 2, ctx);
    return s;
  }

  /**
   * {@code curl_share_setopt} for CURLSHOPT_SHARE and CURLSHOPT_UNSHARE.
   *
   * @param share the share handle
   * @param option CURLSHOPT_SHARE or CURLSHOPT_UNSHARE
   * @param value a CURL_LOCK_DATA_*
   * @return a CURLSHcode; CURLSHE_IN_USE while easy handles use the share
   */
  public static int curl_share_setopt(CURLSH share, int option, long value) {
    NativeHandle g = share.acquire();
    try {
      int rc = CurlewNative.curlew_share_setopt_long(share.address(), option, value);
      if (rc == E_TYPE) {
        throw new IllegalArgumentException("CURLSHOPT " + option + " does not take a number");
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_share_setopt(CURLSHOPT_LOCKFUNC)}: Java locking instead of the native
   * mutexes. Set it, with the unlock function, before the share is used.
   *
   * @param share the share handle
   * @param option CURLSHOPT_LOCKFUNC
   * @param lock the lock function, or null for native locking again
   * @return a CURLSHcode
   */
  public static int curl_share_setopt(CURLSH share, int option, curl_lock_function lock) {
    if (option != CURLSHOPT_LOCKFUNC) {
      throw new IllegalArgumentException("only CURLSHOPT_LOCKFUNC takes a curl_lock_function");
    }
    NativeHandle g = share.acquire();
    try {
      share.dispatch.lock = lock;
      return javaLocks(share);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_share_setopt(CURLSHOPT_UNLOCKFUNC)}.
   *
   * @param share the share handle
   * @param option CURLSHOPT_UNLOCKFUNC
   * @param unlock the unlock function, or null
   * @return a CURLSHcode
   */
  public static int curl_share_setopt(CURLSH share, int option, curl_unlock_function unlock) {
    if (option != CURLSHOPT_UNLOCKFUNC) {
      throw new IllegalArgumentException("only CURLSHOPT_UNLOCKFUNC takes a curl_unlock_function");
    }
    NativeHandle g = share.acquire();
    try {
      share.dispatch.unlock = unlock;
      return javaLocks(share);
    } finally {
      NativeHandle.release(g);
    }
  }

  private static int javaLocks(CURLSH share) {
    boolean java = share.dispatch.lock != null || share.dispatch.unlock != null;
    return CurlewNative.curlew_share_java_locks(share.address(), java ? 1 : 0);
  }

  /**
   * {@code curl_share_setopt(CURLSHOPT_USERDATA)}: the object the lock functions receive.
   *
   * @param share the share handle
   * @param option CURLSHOPT_USERDATA
   * @param userdata the object
   * @return a CURLSHcode
   */
  public static int curl_share_setopt(CURLSH share, int option, Object userdata) {
    if (userdata instanceof Number n) {
      return curl_share_setopt(share, option, n.longValue());
    }
    if (option != CURLSHOPT_USERDATA) {
      throw new IllegalArgumentException("CURLSHOPT " + option + " does not take an object");
    }
    NativeHandle g = share.acquire();
    try {
      share.dispatch.userData = userdata;
      return CURLSHE_OK;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_share_cleanup}: frees the share unless easy handles still use it.
   *
   * @param share the share handle, or null
   * @return a CURLSHcode; CURLSHE_IN_USE (and nothing freed) while it is in use
   */
  public static int curl_share_cleanup(CURLSH share) {
    if (share == null || share.isClosed()) {
      return CURLSHE_OK;
    }
    NativeHandle g = share.acquireExclusive("curl_share_cleanup");
    try {
      int rc = CurlewNative.curlew_share_cleanup(share.address());
      if (rc == CURLSHE_OK) {
        share.markClosed();
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }
}
