package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/**
 * curlew's own additions to an easy handle, beyond libcurl's API: native body sinks (a
 * response body collected in C and read once, or dropped and counted, with no upcall per
 * chunk), a native upload buffer (with seeking), and the handle's error buffer text. The
 * idiomatic layer and the async engine are built on these.
 */
public final class CurlewExtensions {

  /** The body goes to the Java write callback (one upcall per chunk). */
  public static final int SINK_JAVA = 0;
  /** The body is collected in a native buffer; read it with {@link #sinkBytes}. */
  public static final int SINK_BUFFER = 1;
  /** The body is dropped in C; only its size is counted. */
  public static final int SINK_DISCARD = 2;

  private CurlewExtensions() {
  }

  /**
   * Chooses where the response body goes.
   *
   * @param curl the handle
   * @param sink {@link #SINK_JAVA}, {@link #SINK_BUFFER} or {@link #SINK_DISCARD}
   * @param maxBytes for SINK_BUFFER: the most bytes kept before the transfer fails with
   *     CURLE_WRITE_ERROR; negative for no limit
   */
  public static void setSink(CURL curl, int sink, long maxBytes) {
    NativeHandle g = curl.acquire();
    try {
      int rc = CurlewNative.curlew_easy_set_sink(curl.address(), sink, maxBytes);
      if (rc != 0) {
        throw new IllegalArgumentException("unknown sink " + sink);
      }
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param curl the handle
   * @return the bytes the native sink collected in the last transfer
   */
  public static byte[] sinkBytes(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      long ctx = curl.address();
      long n = CurlewNative.curlew_easy_sink_size(ctx);
      long p = CurlewNative.curlew_easy_sink_data(ctx);
      return p == 0 ? new byte[0] : CStrings.bytesAt(p, n);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param curl the handle
   * @return bytes the sink received (collected or dropped)
   */
  public static long sinkSize(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_easy_sink_size(curl.address());
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param curl the handle
   * @return whether the last transfer hit the sink's byte limit
   */
  public static boolean sinkOverflowed(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_easy_sink_overflowed(curl.address()) != 0;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Frees the collected body (keeping a small buffer for reuse).
   *
   * @param curl the handle
   */
  public static void sinkClear(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      CurlewNative.curlew_easy_sink_clear(curl.address());
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Collects the response headers in native memory (status lines and the blank line that
   * ends each response included), for one hand-over with {@link #headerBytes} when the
   * transfer is done: no upcall per header line.
   *
   * @param curl the handle
   * @param enable on or off (off removes the header function)
   */
  public static void collectHeaders(CURL curl, boolean enable) {
    NativeHandle g = curl.acquire();
    try {
      CurlewNative.curlew_easy_set_header_sink(curl.address(), enable ? 1 : 0);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param curl the handle
   * @return the header lines collected in the last transfer
   */
  public static byte[] headerBytes(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      long ctx = curl.address();
      long n = CurlewNative.curlew_easy_header_sink_size(ctx);
      long p = CurlewNative.curlew_easy_header_sink_data(ctx);
      return p == 0 ? new byte[0] : CStrings.bytesAt(p, n);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Uploads from a native copy of the bytes: sets READFUNCTION, SEEKFUNCTION and
   * INFILESIZE_LARGE, so redirects and retries can rewind.
   *
   * @param curl the handle
   * @param data the request body
   */
  public static void setUpload(CURL curl, byte[] data) {
    NativeHandle g = curl.acquire();
    try {
      int rc = CurlewNative.curlew_easy_set_upload(curl.address(), data, data.length);
      if (rc != 0) {
        throw new OutOfMemoryError("native upload buffer of " + data.length + " bytes");
      }
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Waits until a socket (such as CURLINFO_ACTIVESOCKET of a CONNECT_ONLY handle) is ready.
   *
   * @param fd the socket
   * @param events 1 readable, 2 writable, 3 either
   * @param timeoutMs the longest wait; -1 without limit
   * @return &gt; 0 when ready, 0 on timeout, -errno on error
   */
  public static int waitSocket(int fd, int events, int timeoutMs) {
    return CurlewNative.curlew_wait_socket(fd, events, timeoutMs);
  }

  /**
   * @param curl the handle
   * @return the text libcurl left in the error buffer, or ""
   */
  public static String errorBuffer(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      return CStrings.at(CurlewNative.curlew_easy_errbuf(curl.address()));
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * Whether curlew's C trampoline for a callback option is installed: the header
   * trampoline, for one, only is when a header function or HEADERDATA asks for it.
   *
   * @param curl the handle
   * @param option a CURLOPT_*FUNCTION
   * @return whether the trampoline is installed afterwards
   */
  public static boolean isCallbackInstalled(CURL curl, int option) {
    NativeHandle g = curl.acquire();
    try {
      int mask = CurlewNative.curlew_easy_callback_mask(curl.address());
      int bit = switch (option) {
        case LibCurlConstants.CURLOPT_WRITEFUNCTION -> 0;
        case LibCurlConstants.CURLOPT_READFUNCTION -> 1;
        case LibCurlConstants.CURLOPT_HEADERFUNCTION -> 2;
        case LibCurlConstants.CURLOPT_XFERINFOFUNCTION -> 3;
        case LibCurlConstants.CURLOPT_DEBUGFUNCTION -> 4;
        default -> -1;
      };
      return bit >= 0 && (mask & (1 << bit)) != 0;
    } finally {
      NativeHandle.release(g);
    }
  }
}
