package io.curlew;

/**
 * The transfer took longer than a timeout allowed ({@code CURLE_OPERATION_TIMEDOUT}).
 */
public class CurlTimeoutException extends CurlException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * @param rawCode the CURLcode
   * @param detail the error buffer's text, or null
   * @param cause what caused it, or null
   */
  public CurlTimeoutException(int rawCode, String detail, Throwable cause) {
    super(rawCode, detail, cause);
  }
}
