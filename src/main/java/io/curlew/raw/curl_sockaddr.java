package io.curlew.raw;

/** libcurl's {@code struct curl_sockaddr}, as given to an open-socket callback. */
public final class curl_sockaddr {
  /** Address family, such as AF_INET (2) or AF_INET6 (10). */
  public final int family;
  /** Socket type, such as SOCK_STREAM (1). */
  public final int socktype;
  /** Protocol, such as IPPROTO_TCP (6). */
  public final int protocol;
  /** Length of {@link #addr}. */
  public final int addrlen;
  /** The {@code struct sockaddr} bytes. */
  public final byte[] addr;

  curl_sockaddr(int family, int socktype, int protocol, int addrlen, byte[] addr) {
    this.family = family;
    this.socktype = socktype;
    this.protocol = protocol;
    this.addrlen = addrlen;
    this.addr = addr;
  }
}
