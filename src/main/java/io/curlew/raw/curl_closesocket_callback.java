package io.curlew.raw;

/**
 * libcurl's {@code curl_closesocket_callback}: CURLOPT_CLOSESOCKETFUNCTION.
 */
@FunctionalInterface
public interface curl_closesocket_callback {
  /**
   * @param clientp the CLOSESOCKETDATA object
   * @param item the socket to close
   * @return 0 on success
   */
  int call(Object clientp, int item);
}
