package io.curlew.raw;

/**
 * libcurl's {@code curl_push_callback}: CURLMOPT_PUSHFUNCTION (HTTP/2 server push). An accepted
 * push's handle belongs to the application, which removes and cleans it up when done.
 */
@FunctionalInterface
public interface curl_push_callback {
  /**
   * @param parent the transfer the push belongs to
   * @param easy the new transfer
   * @param numHeaders number of push headers
   * @param headers the push headers, valid during the call
   * @param userp the PUSHDATA object
   * @return CURL_PUSH_OK, CURL_PUSH_DENY or CURL_PUSH_ERROROUT
   */
  int call(CURL parent, CURL easy, long numHeaders, curl_pushheaders headers, Object userp);
}
