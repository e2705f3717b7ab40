package io.curlew.raw;

/** libcurl's {@code struct curl_waitfd}: an extra descriptor for curl_multi_wait/poll. */
public final class curl_waitfd {
  /** The descriptor. */
  public int fd;
  /** CURL_WAIT_POLLIN, CURL_WAIT_POLLPRI, CURL_WAIT_POLLOUT bits to wait for. */
  public short events;
  /** The bits that happened. */
  public short revents;

  /** An empty entry. */
  public curl_waitfd() {
  }

  /**
   * @param fd the descriptor
   * @param events the bits to wait for
   */
  public curl_waitfd(int fd, int events) {
    this.fd = fd;
    this.events = (short) events;
  }
}
