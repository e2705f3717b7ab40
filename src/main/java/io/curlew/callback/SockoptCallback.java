package io.curlew.callback;

/**
 * Adjusts a new socket before it connects ({@code CURLOPT_SOCKOPTFUNCTION}).
 */
@FunctionalInterface
public interface SockoptCallback {
  /** Return value: go on. */
  int OK = 0;
  /** Return value: fail the transfer. */
  int ERROR = 1;
  /** Return value: the socket is already connected. */
  int ALREADY_CONNECTED = 2;

  /**
   * @param fd the socket descriptor
   * @param purpose 0 for a connection (CURLSOCKTYPE_IPCXN), 1 for an accepted one
   * @return {@link #OK}, {@link #ERROR} or {@link #ALREADY_CONNECTED}
   * @throws Exception to fail the transfer
   */
  int configure(int fd, int purpose) throws Exception;
}
