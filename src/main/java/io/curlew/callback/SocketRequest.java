package io.curlew.callback;

import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_sockaddr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Where libcurl wants to connect, as an open-socket callback receives it. */
public final class SocketRequest {

  private final int purpose;
  private final curl_sockaddr address;

  /**
   * @param purpose CURLSOCKTYPE_IPCXN (0) or CURLSOCKTYPE_ACCEPT (1)
   * @param address libcurl's address
   */
  public SocketRequest(int purpose, curl_sockaddr address) {
    this.purpose = purpose;
    this.address = address;
  }

  /** @return CURLSOCKTYPE_IPCXN (0) or CURLSOCKTYPE_ACCEPT (1) */
  public int purpose() {
    return purpose;
  }

  /** @return the address family: 2 (IPv4) or 10 (IPv6) */
  public int family() {
    return address.family;
  }

  /** @return the socket type: 1 (stream) */
  public int socketType() {
    return address.socktype;
  }

  /** @return the protocol: 6 (TCP) */
  public int protocol() {
    return address.protocol;
  }

  /** @return the address libcurl connects to, or null when it is not IPv4/IPv6 */
  public InetSocketAddress address() {
    byte[] a = address.addr;
    try {
      if (address.family == 2 && a.length >= 8) {
        int port = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        return new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(a, 4, 8)), port);
      }
      if (address.family == 10 && a.length >= 24) {
        int port = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        return new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(a, 8, 24)),
            port);
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }

  /** @return a new socket for this request, as libcurl would open it, or -1 */
  public int open() {
    return LibCurl.socket(address.family, address.socktype, address.protocol);
  }

  /**
   * Closes a socket the default way.
   *
   * @param fd the descriptor
   * @return 0, or -1
   */
  public static int close(int fd) {
    return LibCurl.close(fd);
  }
}
