package io.curlew;

import java.io.IOException;

/**
 * a share-handle call (curl_share_*) failed with a {@code CURLSHcode}; the message is libcurl's text for it.
 */
public class CurlShareException extends IOException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** the code as libcurl returned it */
  private final int rawCode;

  /**
   * @param rawCode the CURLSHcode
   * @param context what was being done, or null
   */
  public CurlShareException(int rawCode, String context) {
    super((context == null ? "" : context + ": ") + CurlShareCode.of(rawCode) + " (" + rawCode + "): "
        + Curl.shareStrerror(rawCode));
    this.rawCode = rawCode;
  }

  /** @return the code as a constant ({@code UNKNOWN} for a value the table lacks) */
  public CurlShareCode code() {
    return CurlShareCode.of(rawCode);
  }

  /** @return the code as libcurl returned it */
  public int rawCode() {
    return rawCode;
  }
}
