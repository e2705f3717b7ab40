package io.curlew.raw;

/** libcurl's {@code struct curl_header}: one response header from the header API. */
public final class curl_header {
  /** The name (in the case libcurl has). */
  public final String name;
  /** The value. */
  public final String value;
  /** How many headers have this name. */
  public final long amount;
  /** This header's index among them. */
  public final long index;
  /** Where it came from: CURLH_HEADER, CURLH_TRAILER, CURLH_CONNECT, CURLH_1XX, CURLH_PSEUDO. */
  public final int origin;
  /** libcurl's own pointer, for curl_easy_nextheader */
  final long anchor;

  curl_header(String name, String value, long amount, long index, int origin, long anchor) {
    this.name = name;
    this.value = value;
    this.amount = amount;
    this.index = index;
    this.origin = origin;
    this.anchor = anchor;
  }
}
