package io.curlew.callback;

/** What a piece of verbose output is ({@code curl_infotype}). */
public enum InfoType {
  /** {@code CURLINFO_TEXT}: a message from libcurl. */
  TEXT,
  /** {@code CURLINFO_HEADER_IN}: a header received. */
  HEADER_IN,
  /** {@code CURLINFO_HEADER_OUT}: a header sent. */
  HEADER_OUT,
  /** {@code CURLINFO_DATA_IN}: body data received. */
  DATA_IN,
  /** {@code CURLINFO_DATA_OUT}: body data sent. */
  DATA_OUT,
  /** {@code CURLINFO_SSL_DATA_IN}: TLS data received. */
  SSL_DATA_IN,
  /** {@code CURLINFO_SSL_DATA_OUT}: TLS data sent. */
  SSL_DATA_OUT;

  private static final InfoType[] VALUES = values();

  /**
   * @param type a curl_infotype value
   * @return its constant
   */
  public static InfoType of(int type) {
    return type >= 0 && type < VALUES.length ? VALUES[type] : TEXT;
  }
}
