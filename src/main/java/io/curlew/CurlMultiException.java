package io.curlew;

import java.io.IOException;

/**
 * a multi-handle call (curl_multi_*) failed with a {@code CURLMcode}; the message is libcurl's text for it.
 */
public class CurlMultiException extends IOException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** the code as libcurl returned it */
  private final int rawCode;

  /**
   * @param rawCode the CURLMcode
   * @param context what was being done, or null
   */
  public CurlMultiException(int rawCode, String context) {
    super((context == null ? "" : context + ": ") + CurlMultiCode.of(rawCode) + " (" + rawCode + "): "
        + Curl.multiStrerror(rawCode));
    this.rawCode = rawCode;
  }

  /** @return the code as a constant ({@code UNKNOWN} for a value the table lacks) */
  public CurlMultiCode code() {
    return CurlMultiCode.of(rawCode);
  }

  /** @return the code as libcurl returned it */
  public int rawCode() {
    return rawCode;
  }
}
