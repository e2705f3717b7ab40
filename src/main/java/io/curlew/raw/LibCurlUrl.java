package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/** libcurl's URL API ({@code curl_url_*}) under its C names. Part of {@link LibCurl}. */
public class LibCurlUrl extends LibCurlShare {

  LibCurlUrl() {
  }

  /** @return {@code curl_url()}: a new, empty URL handle, or null */
  public static CURLU curl_url() {
    Global.ensure();
    long u = CurlewNative.curl_url();
    return u == 0 ? null : new CURLU(u);
  }

  /**
   * {@code curl_url_cleanup}: frees the URL handle, first unsetting it as CURLOPT_CURLU on
   * every easy handle that uses it.
   *
   * @param handle the URL handle, or null
   * @throws IllegalStateException when an easy handle using it is busy on another thread
   */
  public static void curl_url_cleanup(CURLU handle) {
    if (handle == null || handle.isClosed()) {
      return;
    }
    NativeHandle g = handle.acquireExclusive("curl_url_cleanup");
    try {
      for (CURL user : handle.users.toArray(new CURL[0])) {
        curl_easy_setopt(user, CURLOPT_CURLU, (CURLU) null);
      }
      long u = handle.address();
      handle.markClosed();
      CurlewNative.curl_url_cleanup(u);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_url_dup}.
   *
   * @param in the URL handle to copy
   * @return the copy, or null
   */
  public static CURLU curl_url_dup(CURLU in) {
    NativeHandle g = in.acquire();
    try {
      long u = CurlewNative.curl_url_dup(in.address());
      return u == 0 ? null : new CURLU(u);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_url_get}: one part of the URL.
   *
   * @param handle the URL handle
   * @param what a CURLUPART_*
   * @param part receives the part (or null) in {@code part[0]}
   * @param flags CURLU_* bits
   * @return a CURLUcode
   */
  public static int curl_url_get(CURLU handle, int what, String[] part, int flags) {
    NativeHandle g = handle.acquire();
    try {
      long[] p = new long[1];
      int rc = CurlewNative.curl_url_get(handle.address(), what, p, flags);
      part[0] = rc == CURLUE_OK ? CStrings.takeCurlString(p[0]) : null;
      if (rc != CURLUE_OK && p[0] != 0) {
        CurlewNative.curl_free(p[0]);
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_url_set}: sets (or clears, with null) one part of the URL.
   *
   * @param handle the URL handle
   * @param what a CURLUPART_*
   * @param content the part, or null to clear it
   * @param flags CURLU_* bits
   * @return a CURLUcode
   */
  public static int curl_url_set(CURLU handle, int what, String content, int flags) {
    NativeHandle g = handle.acquire();
    try {
      return CurlewNative.curl_url_set(handle.address(), what, CStrings.of(content), flags);
    } finally {
      NativeHandle.release(g);
    }
  }
}
