package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/** libcurl's WebSocket API ({@code curl_ws_*}) under its C names. Part of {@link LibCurl}. */
public class LibCurlWebSocket extends LibCurlMime {

  LibCurlWebSocket() {
  }

  /**
   * {@code curl_ws_recv} on a CONNECT_ONLY (2) WebSocket connection.
   *
   * @param curl the handle
   * @param buffer where to receive
   * @param buflen room in it
   * @param recv receives the byte count in {@code [0]}
   * @param meta receives the frame metadata in {@code [0]}, or null
   * @return a CURLcode; CURLE_AGAIN when nothing is there yet
   */
  public static int curl_ws_recv(CURL curl, byte[] buffer, long buflen, long[] recv,
      curl_ws_frame[] meta) {
    checkLength(buffer, buflen);
    NativeHandle g = curl.acquire();
    try {
      long[] m = new long[5];
      int rc = CurlewNative.curlew_ws_recv(curl.address(), buffer, buflen, m);
      recv[0] = m[4];
      if (meta != null) {
        meta[0] = m[0] < 0 ? null : new curl_ws_frame((int) m[0], m[1], m[2], m[3]);
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_ws_send}.
   *
   * @param curl the handle
   * @param buffer the payload
   * @param buflen bytes of it
   * @param sent receives the bytes sent in {@code [0]}
   * @param fragsize the whole frame's size when sending it in parts (CURLWS_OFFSET), else 0
   * @param flags CURLWS_TEXT, CURLWS_BINARY, CURLWS_CONT, CURLWS_CLOSE, CURLWS_PING, ...
   * @return a CURLcode
   */
  public static int curl_ws_send(CURL curl, byte[] buffer, long buflen, long[] sent,
      long fragsize, int flags) {
    if (buffer == null && buflen == 0) {
      buffer = new byte[0];
    }
    checkLength(buffer, buflen);
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_ws_send(curl.address(), buffer, buflen, fragsize, flags, sent);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_ws_meta}: the current frame's metadata, inside a write callback.
   *
   * @param curl the handle
   * @return the metadata, or null outside a WebSocket write callback
   */
  public static curl_ws_frame curl_ws_meta(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      long[] m = new long[4];
      return CurlewNative.curlew_ws_meta(curl.address(), m) == 0 ? null
          : new curl_ws_frame((int) m[0], m[1], m[2], m[3]);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_ws_start_frame}: starts a frame whose payload follows in
   * {@link #curl_ws_send} calls.
   *
   * @param curl the handle
   * @param flags CURLWS_* bits
   * @param frameLen the payload length
   * @return a CURLcode
   */
  public static int curl_ws_start_frame(CURL curl, int flags, long frameLen) {
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_ws_start_frame(curl.address(), flags, frameLen);
    } finally {
      NativeHandle.release(g);
    }
  }
}
