package io.curlew.raw;

/**
 * libcurl's {@code curl_sockopt_callback}: CURLOPT_SOCKOPTFUNCTION.
 */
@FunctionalInterface
public interface curl_sockopt_callback {
  /**
   * @param clientp the SOCKOPTDATA object
   * @param curlfd the new socket
   * @param purpose CURLSOCKTYPE_IPCXN or CURLSOCKTYPE_ACCEPT
   * @return CURL_SOCKOPT_OK, CURL_SOCKOPT_ERROR or CURL_SOCKOPT_ALREADY_CONNECTED
   */
  int call(Object clientp, int curlfd, int purpose);
}
