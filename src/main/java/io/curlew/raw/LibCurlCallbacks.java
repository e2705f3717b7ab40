package io.curlew.raw;

/**
 * {@code curl_easy_setopt} for callback options, one overload per libcurl callback typedef.
 * A lambda needs its typedef named, as in
 * {@code curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Port::write)}.
 * Passing a callback of the wrong typedef for the option is an
 * {@link IllegalArgumentException}. Part of {@link LibCurl}.
 */
@SuppressWarnings("overloads")
public class LibCurlCallbacks extends LibCurlEasy {

  LibCurlCallbacks() {
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_write_callback}, for CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION or CURLOPT_INTERLEAVEFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_write_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_read_callback}, for CURLOPT_READFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_read_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_xferinfo_callback}, for CURLOPT_XFERINFOFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_xferinfo_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_progress_callback}, for CURLOPT_PROGRESSFUNCTION (deprecated).
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_progress_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_debug_callback}, for CURLOPT_DEBUGFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_debug_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_seek_callback}, for CURLOPT_SEEKFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_seek_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_sockopt_callback}, for CURLOPT_SOCKOPTFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_sockopt_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_opensocket_callback}, for CURLOPT_OPENSOCKETFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_opensocket_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_closesocket_callback}, for CURLOPT_CLOSESOCKETFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_closesocket_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_prereq_callback}, for CURLOPT_PREREQFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_prereq_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_resolver_start_callback}, for CURLOPT_RESOLVER_START_FUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_resolver_start_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_trailer_callback}, for CURLOPT_TRAILERFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_trailer_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_hstsread_callback}, for CURLOPT_HSTSREADFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_hstsread_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_hstswrite_callback}, for CURLOPT_HSTSWRITEFUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_hstswrite_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_chunk_bgn_callback}, for CURLOPT_CHUNK_BGN_FUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_chunk_bgn_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_chunk_end_callback}, for CURLOPT_CHUNK_END_FUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_chunk_end_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_fnmatch_callback}, for CURLOPT_FNMATCH_FUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_fnmatch_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_ssl_ctx_callback}, for CURLOPT_SSL_CTX_FUNCTION.
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_ssl_ctx_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }

  /**
   * {@code curl_easy_setopt} with a {@link curl_ioctl_callback}, for CURLOPT_IOCTLFUNCTION (deprecated).
   *
   * @param curl the handle
   * @param option the FUNCTION option
   * @param callback the callback, or null for the default
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_ioctl_callback callback) {
    return EasyCallbacks.set(curl, option, callback);
  }
}
