package io.curlew.raw;

/**
 * libcurl's {@code struct curl_blob}. curlew always hands blobs to libcurl with
 * CURL_BLOB_COPY, whatever {@link #flags} says, so the array is free after setopt.
 */
public final class curl_blob {
  /** The bytes. */
  public final byte[] data;
  /** How many of them. */
  public final long len;
  /** CURL_BLOB_COPY or CURL_BLOB_NOCOPY (both copy here). */
  public final int flags;

  /**
   * @param data the bytes
   * @param len how many of them
   * @param flags CURL_BLOB_COPY or CURL_BLOB_NOCOPY
   */
  public curl_blob(byte[] data, long len, int flags) {
    if (data == null || len < 0 || len > data.length) {
      throw new IllegalArgumentException("blob length " + len + " outside its data");
    }
    this.data = data;
    this.len = len;
    this.flags = flags;
  }
}
