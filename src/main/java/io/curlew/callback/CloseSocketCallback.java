package io.curlew.callback;

/**
 * Closes a socket libcurl is done with ({@code CURLOPT_CLOSESOCKETFUNCTION});
 * {@link SocketRequest#close(int)} closes it the default way.
 */
@FunctionalInterface
public interface CloseSocketCallback {
  /**
   * @param fd the socket descriptor
   * @throws Exception reported after the transfer
   */
  void close(int fd) throws Exception;
}
