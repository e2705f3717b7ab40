package io.curlew.raw;

/**
 * libcurl's {@code curl_opensocket_callback}: CURLOPT_OPENSOCKETFUNCTION. {@link LibCurl#socket}
 * opens a socket the way C's {@code socket()} does.
 */
@FunctionalInterface
public interface curl_opensocket_callback {
  /**
   * @param clientp the OPENSOCKETDATA object
   * @param purpose CURLSOCKTYPE_IPCXN or CURLSOCKTYPE_ACCEPT
   * @param address where libcurl wants to connect
   * @return the socket, or CURL_SOCKET_BAD (-1) to fail
   */
  int call(Object clientp, int purpose, curl_sockaddr address);
}
