package io.curlew;

import java.io.IOException;

/**
 * a URL API call (curl_url_*) failed with a {@code CURLUcode}; the message is libcurl's text for it.
 */
public class CurlUrlException extends IOException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** the code as libcurl returned it */
  private final int rawCode;

  /**
   * @param rawCode the CURLUcode
   * @param context what was being done, or null
   */
  public CurlUrlException(int rawCode, String context) {
    super((context == null ? "" : context + ": ") + CurlUrlCode.of(rawCode) + " (" + rawCode + "): "
        + Curl.urlStrerror(rawCode));
    this.rawCode = rawCode;
  }

  /** @return the code as a constant ({@code UNKNOWN} for a value the table lacks) */
  public CurlUrlCode code() {
    return CurlUrlCode.of(rawCode);
  }

  /** @return the code as libcurl returned it */
  public int rawCode() {
    return rawCode;
  }
}
