package io.curlew;

/**
 * Could not resolve the host or proxy, or could not connect ({@code CURLE_COULDNT_RESOLVE_HOST},
 * {@code CURLE_COULDNT_RESOLVE_PROXY}, {@code CURLE_COULDNT_CONNECT}).
 */
public class CurlConnectException extends CurlException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * @param rawCode the CURLcode
   * @param detail the error buffer's text, or null
   * @param cause what caused it, or null
   */
  public CurlConnectException(int rawCode, String detail, Throwable cause) {
    super(rawCode, detail, cause);
  }
}
