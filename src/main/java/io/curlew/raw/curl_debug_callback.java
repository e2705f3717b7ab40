package io.curlew.raw;

/**
 * libcurl's {@code curl_debug_callback}: CURLOPT_DEBUGFUNCTION (called when CURLOPT_VERBOSE is on).
 * Without one, verbose output goes to {@code System.err}, as C writes it to stderr.
 */
@FunctionalInterface
public interface curl_debug_callback {
  /**
   * @param handle the transfer
   * @param type a {@code curl_infotype}: CURLINFO_TEXT, CURLINFO_HEADER_IN, ...
   * @param data the data, valid during the call
   * @param size number of bytes
   * @param userptr the DEBUGDATA object
   * @return 0
   */
  int call(CURL handle, int type, CurlBuffer data, long size, Object userptr);
}
