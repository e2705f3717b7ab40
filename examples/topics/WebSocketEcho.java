package examples.topics;

import examples.support.ExampleServer;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlWebSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket client with {@link CurlWebSocket}, libcurl's connect-only WebSocket mode
 * ({@code CURLOPT_CONNECT_ONLY} 2, {@code curl_ws_send}, {@code curl_ws_recv}), after curl's
 * websocket.c: connect, send text and binary messages to an echo server and read the echoes,
 * ping, and close. {@code receive()} joins the pieces of a message; libcurl answers the
 * server's pings by itself.
 *
 * <p>Usage: {@code WebSocketEcho [ws://URL]}, an echo endpoint; without one it connects to the
 * WebSocket echo server of a local {@link ExampleServer}.
 */
public final class WebSocketEcho {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private WebSocketEcho() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.wsUrl("/echo"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    // connect() performs the HTTP upgrade; closing sends a close frame and frees the handle
    try (CurlWebSocket ws = CurlWebSocket.connect(url)) {
      System.out.println("connected: HTTP " + ws.handle().getInfo(CurlInfo.RESPONSE_CODE));

      ws.sendText("hello, echo");
      System.out.println("text echo: " + expect(ws.receive(WAIT), CurlWebSocket.TEXT).text());

      byte[] data = new byte[100_000]; // several frames' worth
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) i;
      }
      ws.sendBinary(data);
      byte[] back = expect(ws.receive(WAIT), CurlWebSocket.BINARY).data();
      System.out.println("binary echo: " + back.length + " bytes, "
          + (java.util.Arrays.equals(data, back) ? "identical" : "DIFFERENT"));

      ws.ping("are you there".getBytes(StandardCharsets.UTF_8));
      System.out.println("pong: " + expect(ws.receive(WAIT), CurlWebSocket.PONG).text());

      ws.sendClose(1000, "done");
      CurlWebSocket.Message close = expect(ws.receive(WAIT), CurlWebSocket.CLOSE);
      System.out.println("server closed: " + close.closeCode() + " " + close.closeReason());
      return 0;
    } catch (CurlException | IllegalStateException e) {
      System.err.println("WebSocket failed: " + e.getMessage());
      return 1;
    }
  }

  private static CurlWebSocket.Message expect(CurlWebSocket.Message m, int type) {
    if (m == null) {
      throw new IllegalStateException("no message within " + WAIT);
    }
    if (m.type() != type) {
      throw new IllegalStateException("expected type " + type + ", got " + m.type());
    }
    return m;
  }
}
