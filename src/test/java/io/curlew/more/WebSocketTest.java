package io.curlew.more;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlOption;
import io.curlew.CurlWebSocket;
import io.curlew.CurlWebSocket.Message;
import io.curlew.callback.WriteCallback;
import io.curlew.testing.EchoSocket;
import io.curlew.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WebSockets against Jetty's WebSocket server, connect-only and callback mode. */
@Timeout(60)
class WebSocketTest {

  private final TestServer server = TestServer.get();
  private final Duration wait = Duration.ofSeconds(10);

  private String ws() {
    return "ws://127.0.0.1:" + server.port() + "/ws";
  }

  @Test
  void textAndBinaryEcho() throws Exception {
    try (CurlWebSocket ws = CurlWebSocket.connect(ws())) {
      assertEquals(101, ws.handle().responseCode());
      ws.sendText("hello, websocket");
      Message m = ws.receive(wait);
      assertEquals(CurlWebSocket.TEXT, m.type());
      assertEquals("hello, websocket", m.text());
      byte[] bin = {0, 1, 2, 3, (byte) 0xfe, (byte) 0xff};
      ws.sendBinary(bin);
      Message b = ws.receive(wait);
      assertEquals(CurlWebSocket.BINARY, b.type());
      assertArrayEquals(bin, b.data());
    }
  }

  @Test
  void fragmentsBothWays() throws Exception {
    try (CurlWebSocket ws = CurlWebSocket.connect(ws())) {
      ws.send("one-".getBytes(StandardCharsets.UTF_8), CurlWebSocket.TEXT | CurlWebSocket.CONT);
      ws.send("two-".getBytes(StandardCharsets.UTF_8), CurlWebSocket.TEXT | CurlWebSocket.CONT);
      ws.send("three".getBytes(StandardCharsets.UTF_8), CurlWebSocket.TEXT);
      assertEquals("one-two-three", ws.receive(wait).text(), "the server joined our fragments");

      ws.sendText("fragments:4");
      List<CurlWebSocket.Frame> frames = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      byte[] buf = new byte[1024];
      while (true) {
        CurlWebSocket.Frame f = ws.recv(buf, wait);
        assertNotNull(f, "timed out");
        frames.add(f);
        text.append(new String(buf, 0, f.length(), StandardCharsets.UTF_8));
        if (!f.is(CurlWebSocket.CONT) && f.bytesLeft() == 0) {
          break;
        }
      }
      assertEquals("fragment-0fragment-1fragment-2fragment-3", text.toString());
      assertEquals(4, frames.size(), frames.toString());
      assertTrue(frames.get(0).is(CurlWebSocket.CONT));
      assertFalse(frames.get(3).is(CurlWebSocket.CONT));
    }
  }

  @Test
  void serverPingsAreAnsweredByLibcurlUnlessTheApplicationWantsThem() throws Exception {
    int before = EchoSocket.pongs.get();
    try (CurlWebSocket ws = CurlWebSocket.connect(ws())) {
      ws.sendText("ping:are-you-there");
      ws.sendText("after the ping");
      // libcurl answered the ping itself and did not hand it over
      assertEquals("after the ping", ws.receive(wait).text());
      ws.ping("from curlew".getBytes(StandardCharsets.UTF_8));
      Message pong = ws.receive(wait);
      assertEquals(CurlWebSocket.PONG, pong.type(), "the server answers our ping");
      assertEquals("from curlew", pong.text());
      ws.sendText("still open");
      assertEquals("still open", ws.receive(wait).text());
    }
    assertTrue(EchoSocket.pongs.get() > before, "the server got libcurl's automatic pong");

    try (CurlEasy easy = new CurlEasy()) {
      easy.url(ws()).setOption(CurlOption.WS_OPTIONS,
          io.curlew.raw.LibCurl.CURLWS_NOAUTOPONG);
      try (CurlWebSocket ws = CurlWebSocket.connect(easy)) {
        ws.sendText("ping:manual");
        Message ping = ws.receive(wait);
        assertNotNull(ping, "with NOAUTOPONG the ping reaches the application");
        assertEquals(CurlWebSocket.PING, ping.type());
        assertEquals("manual", ping.text());
        ws.send(ping.data(), CurlWebSocket.PONG);
      }
    }
  }

  @Test
  void closeCodesArriveBothWays() throws Exception {
    try (CurlWebSocket ws = CurlWebSocket.connect(ws())) {
      ws.sendText("close:1008:policy violated");
      Message close = ws.receive(wait);
      assertEquals(CurlWebSocket.CLOSE, close.type());
      assertEquals(1008, close.closeCode());
      assertEquals("policy violated", close.closeReason());
    }
    try (CurlWebSocket ws = CurlWebSocket.connect(ws())) {
      ws.sendClose(1001, "going away");
      Message echoed = ws.receive(wait);
      assertEquals(CurlWebSocket.CLOSE, echoed.type());
      assertEquals(1001, echoed.closeCode());
    }
  }

  @Test
  void sixteenMebibyteMessage() throws Exception {
    byte[] big = TestServer.patternBytes(16 << 20);
    try (CurlWebSocket ws = CurlWebSocket.connect(ws())) {
      ws.sendBinary(big);
      Message m = ws.receive(Duration.ofSeconds(30));
      assertEquals(CurlWebSocket.BINARY, m.type());
      assertArrayEquals(big, m.data());
    }
  }

  @Test
  void callbackModeDeliversFramesThroughTheWriteCallback() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      List<String> got = new ArrayList<>();
      List<Integer> flags = new ArrayList<>();
      easy.protocols("http,https,ws,wss").url(ws() + "?greet").onData(chunk -> {
        CurlWebSocket.Frame f = easy.wsMeta().orElseThrow();
        flags.add(f.flags());
        if (f.is(CurlWebSocket.TEXT)) {
          got.add(chunk.toString(StandardCharsets.UTF_8));
          String next = got.size() == 1 ? "second" : "close:1000:done";
          easy.wsSend(next.getBytes(StandardCharsets.UTF_8), CurlWebSocket.TEXT);
        }
        return WriteCallback.CONTINUE;
      });
      easy.perform(); // returns when the server closes the connection
      assertEquals(List.of("welcome", "second"), got);
      assertTrue(flags.stream().anyMatch(f -> (f & CurlWebSocket.CLOSE) != 0), flags.toString());
    }
  }
}
