package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/**
 * Sets an easy handle's callback options: stores the Java callback in the handle's
 * dispatcher and installs (or removes) the C trampoline for it. Checks that the callback
 * object is of the typedef the option takes.
 */
final class EasyCallbacks {

  private EasyCallbacks() {
  }

  /**
   * @param curl the handle
   * @param option a CURLOPT_*FUNCTION
   * @param cb the callback, or null to restore libcurl's (or curlew's stdio) default
   * @return a CURLcode
   */
  @SuppressWarnings("deprecation") // PROGRESS and IOCTL: still options of this libcurl
  static int set(CURL curl, int option, Object cb) {
    NativeHandle g = curl.acquire();
    try {
      EasyDispatch d = curl.dispatch;
      boolean install = cb != null;
      switch (option) {
        case LibCurlConstants.CURLOPT_WRITEFUNCTION -> {
          d.write = as(cb, curl_write_callback.class, option);
          install = true; // without one, curlew's stdio default writes
        }
        case LibCurlConstants.CURLOPT_READFUNCTION -> {
          d.read = as(cb, curl_read_callback.class, option);
          install = true;
        }
        case LibCurlConstants.CURLOPT_HEADERFUNCTION -> {
          d.header = as(cb, curl_write_callback.class, option);
          install = cb != null || d.headerData != null;
        }
        case LibCurlConstants.CURLOPT_INTERLEAVEFUNCTION ->
            d.interleave = as(cb, curl_write_callback.class, option);
        case LibCurlConstants.CURLOPT_XFERINFOFUNCTION ->
            d.xferinfo = as(cb, curl_xferinfo_callback.class, option);
        case LibCurlConstants.CURLOPT_PROGRESSFUNCTION ->
            d.progress = as(cb, curl_progress_callback.class, option);
        case LibCurlConstants.CURLOPT_DEBUGFUNCTION -> {
          d.debug = as(cb, curl_debug_callback.class, option);
          install = true;
        }
        case LibCurlConstants.CURLOPT_SEEKFUNCTION -> d.seek = as(cb, curl_seek_callback.class, option);
        case LibCurlConstants.CURLOPT_SOCKOPTFUNCTION ->
            d.sockopt = as(cb, curl_sockopt_callback.class, option);
        case LibCurlConstants.CURLOPT_OPENSOCKETFUNCTION ->
            d.opensocket = as(cb, curl_opensocket_callback.class, option);
        case LibCurlConstants.CURLOPT_CLOSESOCKETFUNCTION ->
            d.closesocket = as(cb, curl_closesocket_callback.class, option);
        case LibCurlConstants.CURLOPT_PREREQFUNCTION ->
            d.prereq = as(cb, curl_prereq_callback.class, option);
        case LibCurlConstants.CURLOPT_RESOLVER_START_FUNCTION ->
            d.resolverStart = as(cb, curl_resolver_start_callback.class, option);
        case LibCurlConstants.CURLOPT_TRAILERFUNCTION ->
            d.trailer = as(cb, curl_trailer_callback.class, option);
        case LibCurlConstants.CURLOPT_HSTSREADFUNCTION ->
            d.hstsRead = as(cb, curl_hstsread_callback.class, option);
        case LibCurlConstants.CURLOPT_HSTSWRITEFUNCTION ->
            d.hstsWrite = as(cb, curl_hstswrite_callback.class, option);
        case LibCurlConstants.CURLOPT_CHUNK_BGN_FUNCTION ->
            d.chunkBegin = as(cb, curl_chunk_bgn_callback.class, option);
        case LibCurlConstants.CURLOPT_CHUNK_END_FUNCTION ->
            d.chunkEnd = as(cb, curl_chunk_end_callback.class, option);
        case LibCurlConstants.CURLOPT_FNMATCH_FUNCTION ->
            d.fnmatch = as(cb, curl_fnmatch_callback.class, option);
        case LibCurlConstants.CURLOPT_SSL_CTX_FUNCTION ->
            d.sslCtx = as(cb, curl_ssl_ctx_callback.class, option);
        case LibCurlConstants.CURLOPT_IOCTLFUNCTION ->
            d.ioctl = as(cb, curl_ioctl_callback.class, option);
        default -> throw LibCurlEasy.typeError(option, "a callback curlew supports"
            + (cb == null ? "" : " (" + cb.getClass().getName() + ")"));
      }
      return LibCurlEasy.checked(CurlewNative.curlew_easy_setopt_callback(curl.address(), option,
          install ? 1 : 0), option, "a callback");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Headers need a trampoline when there is a header function, or HEADERDATA to send them
   * to through the write function (libcurl's documented fallback).
   */
  static void updateHeaderTrampoline(CURL curl) {
    EasyDispatch d = curl.dispatch;
    CurlewNative.curlew_easy_setopt_callback(curl.address(),
        LibCurlConstants.CURLOPT_HEADERFUNCTION, d.header != null || d.headerData != null ? 1 : 0);
  }

  private static <T> T as(Object cb, Class<T> type, int option) {
    if (cb == null || type.isInstance(cb)) {
      return type.cast(cb);
    }
    throw LibCurlEasy.typeError(option, "a " + cb.getClass().getName() + "; it takes a "
        + type.getSimpleName());
  }
}
