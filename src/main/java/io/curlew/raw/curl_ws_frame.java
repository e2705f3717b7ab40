package io.curlew.raw;

/** libcurl's {@code struct curl_ws_frame}: metadata of a WebSocket frame. */
public final class curl_ws_frame {
  /** Always 0. */
  public final int age;
  /** CURLWS_TEXT, CURLWS_BINARY, CURLWS_CONT, CURLWS_CLOSE, CURLWS_PING, CURLWS_PONG bits. */
  public final int flags;
  /** Offset of this data into the frame. */
  public final long offset;
  /** Payload bytes still to come. */
  public final long bytesleft;
  /** Size of this data chunk. */
  public final long len;

  curl_ws_frame(int flags, long offset, long bytesleft, long len) {
    this.age = 0;
    this.flags = flags;
    this.offset = offset;
    this.bytesleft = bytesleft;
    this.len = len;
  }
}
