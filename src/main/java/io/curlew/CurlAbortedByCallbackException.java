package io.curlew;

/**
 * A callback stopped the transfer ({@code CURLE_ABORTED_BY_CALLBACK}, or a write or read
 * error a callback caused). When the callback threw a checked exception, that exception is
 * the cause; unchecked ones are rethrown as they are, not wrapped.
 */
public class CurlAbortedByCallbackException extends CurlException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /**
   * @param rawCode the CURLcode
   * @param detail the error buffer's text, or null
   * @param cause what caused it, or null
   */
  public CurlAbortedByCallbackException(int rawCode, String detail, Throwable cause) {
    super(rawCode, detail, cause);
  }
}
