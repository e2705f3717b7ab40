package io.curlew.raw;

/** libcurl's {@code struct curl_index}: position of an entry in a callback series. */
public final class curl_index {
  /** This entry's index. */
  public final long index;
  /** The number of entries. */
  public final long total;

  curl_index(long index, long total) {
    this.index = index;
    this.total = total;
  }
}
