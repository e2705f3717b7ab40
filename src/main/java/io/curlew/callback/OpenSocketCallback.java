package io.curlew.callback;

/**
 * Opens the socket libcurl connects with ({@code CURLOPT_OPENSOCKETFUNCTION}).
 */
@FunctionalInterface
public interface OpenSocketCallback {
  /**
   * @param request where libcurl wants to connect, and {@link SocketRequest#open()} to open a socket for it
   * @return the socket descriptor, or -1 to fail the connection
   * @throws Exception to fail the transfer
   */
  int open(SocketRequest request) throws Exception;
}
