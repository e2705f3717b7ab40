package io.curlew.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketPong;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/**
 * The test server's WebSocket endpoint ({@code /ws}): echoes text and binary messages;
 * with the query "greet" it says "welcome" first.
 * Text commands: "close:CODE:REASON" makes the server close with that status; "ping:DATA"
 * makes it ping the client; "fragments:N" makes it send "fragment-0..N-1" as one text
 * message in N frames. Pongs the server receives are counted in {@link #pongs}.
 */
@WebSocket
public final class EchoSocket {

  /** Pongs received by any endpoint, for tests of the client's automatic pong. */
  public static final AtomicInteger pongs = new AtomicInteger();

  private Session session;

  @OnWebSocketOpen
  public void open(Session s) {
    this.session = s;
    if ("greet".equals(s.getUpgradeRequest().getQueryString())) {
      s.sendText("welcome", Callback.NOOP);
    }
  }

  @OnWebSocketMessage
  public void text(String message) {
    if (message.startsWith("close:")) {
      String[] p = message.split(":", 3);
      session.close(Integer.parseInt(p[1]), p[2], Callback.NOOP);
    } else if (message.startsWith("ping:")) {
      session.sendPing(ByteBuffer.wrap(message.substring(5).getBytes(StandardCharsets.UTF_8)),
          Callback.NOOP);
    } else if (message.startsWith("fragments:")) {
      int n = Integer.parseInt(message.substring(10));
      sendFragment(0, n);
    } else {
      session.sendText(message, Callback.NOOP);
    }
  }

  private void sendFragment(int i, int n) {
    session.sendPartialText("fragment-" + i, i == n - 1, Callback.from(() -> {
      if (i + 1 < n) {
        sendFragment(i + 1, n);
      }
    }, t -> { }));
  }

  @OnWebSocketMessage
  public void binary(ByteBuffer payload, Callback callback) {
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
    callback.succeed();
    session.sendBinary(copy, Callback.NOOP);
  }

  @OnWebSocketPong
  public void pong(ByteBuffer payload) {
    pongs.incrementAndGet();
  }
}
