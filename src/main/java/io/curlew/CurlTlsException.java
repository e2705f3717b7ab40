package io.curlew;

/**
 * TLS failed: the handshake, the peer's certificate, the CA bundle or a pinned key
 * ({@code CURLE_SSL_*}, {@code CURLE_PEER_FAILED_VERIFICATION}, {@code CURLE_USE_SSL_FAILED}).
 */
public class CurlTlsException extends CurlException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * @param rawCode the CURLcode
   * @param detail the error buffer's text, or null
   * @param cause what caused it, or null
   */
  public CurlTlsException(int rawCode, String detail, Throwable cause) {
    super(rawCode, detail, cause);
  }
}
