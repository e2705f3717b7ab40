package io.curlew.callback;

/**
 * Tells the application which sockets to watch for a multi handle
 * ({@code CURLMOPT_SOCKETFUNCTION}). May also be called while the multi handle closes, and for
 * transfers libcurl made itself (then {@code easy} is null).
 */
@FunctionalInterface
public interface SocketCallback {
  /** {@code CURL_POLL_IN}. */
  int POLL_IN = 1;
  /** {@code CURL_POLL_OUT}. */
  int POLL_OUT = 2;
  /** {@code CURL_POLL_INOUT}. */
  int POLL_INOUT = 3;
  /** {@code CURL_POLL_REMOVE}. */
  int POLL_REMOVE = 4;

  /**
   * @param easy the transfer, or null
   * @param fd the socket
   * @param what {@link #POLL_IN}, {@link #POLL_OUT}, {@link #POLL_INOUT} or {@link #POLL_REMOVE}
   * @param socketData the object given to {@code CurlMulti.assign} for this socket, or null
   * @throws Exception fails the multi call
   */
  void socket(io.curlew.CurlEasy easy, int fd, int what, Object socketData) throws Exception;
}
