package io.curlew.raw;

/**
 * libcurl's {@code curl_socket_callback}: CURLMOPT_SOCKETFUNCTION. It may also be called while
 * {@code curl_multi_cleanup} runs, and for handles libcurl made itself (then {@code easy} is
 * null).
 */
@FunctionalInterface
public interface curl_socket_callback {
  /**
   * @param easy the transfer, or null for libcurl's own handles
   * @param s the socket
   * @param what CURL_POLL_IN, _OUT, _INOUT or _REMOVE
   * @param userp the SOCKETDATA object
   * @param socketp the object given to curl_multi_assign for this socket, or null
   * @return 0; -1 makes libcurl fail the call
   */
  int call(CURL easy, int s, int what, Object userp, Object socketp);
}
