package io.curlew;

import io.curlew.raw.CurlewExtensions;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_ws_frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket connection in libcurl's connect-only mode ({@code CURLOPT_CONNECT_ONLY} 2):
 * after the upgrade, frames are sent with {@code curl_ws_send} and received with
 * {@code curl_ws_recv}. libcurl answers pings itself unless
 * {@code CURLOPT_WS_OPTIONS} has {@code CURLWS_NOAUTOPONG}.
 *
 * <pre>{@code
 * try (CurlWebSocket ws = CurlWebSocket.connect("ws://127.0.0.1:8080/echo")) {
 *   ws.sendText("hello");
 *   CurlWebSocket.Message m = ws.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * For WebSockets in callback mode (frames through the write callback), use a
 * {@link CurlEasy} with a {@code ws://} URL and read each frame's metadata with
 * {@link CurlEasy#wsMeta()} inside the callback.
 */
public final class CurlWebSocket implements AutoCloseable {

  /** {@code CURLWS_TEXT}. */
  public static final int TEXT = LibCurl.CURLWS_TEXT;
  /** {@code CURLWS_BINARY}. */
  public static final int BINARY = LibCurl.CURLWS_BINARY;
  /** {@code CURLWS_CONT}: more fragments of the message follow. */
  public static final int CONT = LibCurl.CURLWS_CONT;
  /** {@code CURLWS_CLOSE}. */
  public static final int CLOSE = LibCurl.CURLWS_CLOSE;
  /** {@code CURLWS_PING}. */
  public static final int PING = LibCurl.CURLWS_PING;
  /** {@code CURLWS_PONG}. */
  public static final int PONG = LibCurl.CURLWS_PONG;
  /** {@code CURLWS_OFFSET}: part of a frame whose total size was given. */
  public static final int OFFSET = LibCurl.CURLWS_OFFSET;

  /**
   * Metadata of a received frame chunk ({@code struct curl_ws_frame}).
   *
   * @param flags {@link #TEXT}, {@link #BINARY}, {@link #CONT}, {@link #CLOSE}, {@link #PING},
   *     {@link #PONG} bits
   * @param offset where this chunk starts in the frame's payload
   * @param bytesLeft payload bytes of the frame still to come
   * @param length bytes in this chunk
   */
  public record Frame(int flags, long offset, long bytesLeft, int length) {
    /**
     * @param flag a flag bit
     * @return whether the frame has it
     */
    public boolean is(int flag) {
      return (flags & flag) != 0;
    }
  }

  /**
   * A whole message: all fragments and chunks joined.
   *
   * @param type {@link #TEXT}, {@link #BINARY}, {@link #CLOSE}, {@link #PING} or {@link #PONG}
   * @param data the payload
   */
  public record Message(int type, byte[] data) {
    /** @return the payload as UTF-8 text */
    public String text() {
      return new String(data, StandardCharsets.UTF_8);
    }

    /** @return for a close message: the status code, or -1 when none was given */
    public int closeCode() {
      return data.length >= 2 ? ((data[0] & 0xff) << 8) | (data[1] & 0xff) : -1;
    }

    /** @return for a close message: the reason text */
    public String closeReason() {
      return data.length > 2 ? new String(data, 2, data.length - 2, StandardCharsets.UTF_8) : "";
    }
  }

  private final CurlEasy easy;
  private final boolean owned;
  private final byte[] buffer = new byte[64 * 1024];
  private boolean closeSent;

  private CurlWebSocket(CurlEasy easy, boolean owned) {
    this.easy = easy;
    this.owned = owned;
  }

  /**
   * Opens a WebSocket: sets {@code CURLOPT_CONNECT_ONLY} to 2, allows ws and wss, and
   * performs the upgrade.
   *
   * @param easy a handle with the {@code ws://} or {@code wss://} URL and any other options;
   *     it stays the caller's to close
   * @return the connection
   * @throws CurlException when the connection or the upgrade fails
   */
  public static CurlWebSocket connect(CurlEasy easy) throws CurlException {
    easy.setOption(CurlOption.CONNECT_ONLY, 2L);
    String allowed = "http,https,ws,wss";
    easy.setOption(CurlOption.PROTOCOLS_STR, allowed);
    easy.setOption(CurlOption.REDIR_PROTOCOLS_STR, allowed);
    easy.perform();
    return new CurlWebSocket(easy, false);
  }

  /**
   * Opens a WebSocket on a new handle with curlew's defaults; closing the connection
   * closes the handle.
   *
   * @param url a {@code ws://} or {@code wss://} URL
   * @return the connection
   * @throws CurlException when the connection or the upgrade fails
   */
  public static CurlWebSocket connect(String url) throws CurlException {
    CurlEasy easy = new CurlEasy().url(url);
    try {
      connect(easy);
      return new CurlWebSocket(easy, true);
    } catch (CurlException | RuntimeException e) {
      easy.close();
      throw e;
    }
  }

  /** @return the handle, for {@link CurlInfo}s of the upgrade response */
  public CurlEasy handle() {
    return easy;
  }

  /**
   * Sends a text message.
   *
   * @param text the message
   * @throws CurlException when sending fails
   */
  public void sendText(String text) throws CurlException {
    send(text.getBytes(StandardCharsets.UTF_8), TEXT);
  }

  /**
   * Sends a binary message.
   *
   * @param data the message
   * @throws CurlException when sending fails
   */
  public void sendBinary(byte[] data) throws CurlException {
    send(data, BINARY);
  }

  /**
   * Sends a ping.
   *
   * @param payload up to 125 bytes
   * @throws CurlException when sending fails
   */
  public void ping(byte[] payload) throws CurlException {
    send(payload, PING);
  }

  /**
   * Sends a close frame with a status code and reason.
   *
   * @param code the status code, e.g. 1000
   * @param reason a short reason (UTF-8, at most 123 bytes)
   * @throws CurlException when sending fails
   */
  public void sendClose(int code, String reason) throws CurlException {
    byte[] r = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + r.length];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(r, 0, payload, 2, r.length);
    send(payload, CLOSE);
    closeSent = true;
  }

  /**
   * Sends one frame (or, with {@link #CONT}, one fragment of a message), waiting while the
   * socket is full ({@code curl_ws_send}).
   *
   * @param data the payload
   * @param flags {@link #TEXT} or {@link #BINARY} (with {@link #CONT} for a fragment that
   *     more follow), {@link #PING}, {@link #PONG} or {@link #CLOSE}
   * @throws CurlException when sending fails
   */
  public void send(byte[] data, int flags) throws CurlException {
    int off = 0;
    long[] sent = new long[1];
    do {
      byte[] chunk = off == 0 ? data : java.util.Arrays.copyOfRange(data, off, data.length);
      int rc = LibCurl.curl_ws_send(easy.raw(), chunk, chunk.length, sent, 0, flags);
      if (rc == LibCurl.CURLE_AGAIN) {
        waitFor(2, Duration.ofSeconds(30)); // the socket is full: same call again
        continue;
      }
      if (rc != LibCurl.CURLE_OK) {
        throw CurlException.of(rc, CurlewExtensions.errorBuffer(easy.raw()), null);
      }
      off += (int) sent[0]; // libcurl took part of the payload: send the rest
    } while (off < data.length);
  }

  /**
   * Receives the next chunk of frame data ({@code curl_ws_recv}), waiting up to the timeout.
   *
   * @param buf where to put the data
   * @param timeout the longest wait
   * @return the chunk's metadata (the data is in buf from 0), or null on timeout
   * @throws CurlException when the connection fails or closed (CURLE_GOT_NOTHING)
   */
  public Frame recv(byte[] buf, Duration timeout) throws CurlException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long[] got = new long[1];
    curl_ws_frame[] meta = new curl_ws_frame[1];
    while (true) {
      int rc = LibCurl.curl_ws_recv(easy.raw(), buf, buf.length, got, meta);
      if (rc == LibCurl.CURLE_OK && meta[0] != null) {
        return new Frame(meta[0].flags, meta[0].offset, meta[0].bytesleft, (int) got[0]);
      }
      if (rc != LibCurl.CURLE_AGAIN && rc != LibCurl.CURLE_OK) {
        throw CurlException.of(rc, CurlewExtensions.errorBuffer(easy.raw()), null);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      waitFor(1, Duration.ofNanos(left));
    }
  }

  /**
   * Receives a whole message: joins the chunks of a frame and the fragments of a message.
   * Control frames (ping, pong, close) are returned as messages of their own.
   *
   * @param timeout the longest wait for the whole message
   * @return the message, or null on timeout
   * @throws CurlException when the connection fails
   */
  public Message receive(Duration timeout) throws CurlException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int type = 0;
    while (true) {
      Frame f = recv(buffer, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (f == null) {
        return null;
      }
      data.write(buffer, 0, f.length());
      if (f.is(CLOSE) || f.is(PING) || f.is(PONG)) {
        if (f.bytesLeft() == 0) {
          return new Message(f.flags() & (CLOSE | PING | PONG), data.toByteArray());
        }
        continue;
      }
      if (type == 0) {
        type = f.flags() & (TEXT | BINARY);
      }
      if (f.bytesLeft() == 0 && !f.is(CONT)) {
        return new Message(type, data.toByteArray());
      }
    }
  }

  private void waitFor(int events, Duration timeout) throws CurlException {
    long fd = easy.getInfo(CurlInfo.ACTIVESOCKET);
    if (fd < 0) {
      throw new CurlException(LibCurl.CURLE_GOT_NOTHING, "the WebSocket connection is gone",
          null);
    }
    int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    int rc = CurlewExtensions.waitSocket((int) fd, events, ms);
    if (rc < 0) {
      throw new CurlException(LibCurl.CURLE_RECV_ERROR, "poll failed: errno " + -rc, null);
    }
  }

  /**
   * Sends a close frame (1000, normal closure) unless one was sent, and closes the handle
   * when this connection opened it.
   */
  @Override
  public void close() {
    try {
      if (!closeSent && !easy.isClosed()) {
        sendClose(1000, "");
      }
    } catch (CurlException | RuntimeException ignored) {
      // the peer may be gone already; closing goes on
    } finally {
      if (owned) {
        easy.close();
      }
    }
  }
}
