package io.curlew.easy;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlCode;
import io.curlew.CurlConnectException;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlHeader;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.CurlTimeoutException;
import io.curlew.HttpVersion;
import io.curlew.callback.WriteCallback;
import io.curlew.testing.Driver;
import io.curlew.testing.FaultServer;
import io.curlew.testing.TestCertificates;
import io.curlew.testing.TestServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a transfer does, run the same way through all three drivers: perform(), CurlMulti
 * with poll, and the socket_action engine.
 */
@Timeout(180)
class TransferTest {

  private static final TestServer server = TestServer.get();
  private static FaultServer faults;

  @BeforeAll
  static void startFaults() throws Exception {
    faults = new FaultServer();
  }

  @AfterAll
  static void stopFaults() throws Exception {
    faults.close();
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void methodsReachTheServer(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/echo"));
      d.run(easy);
      assertTrue(easy.bodyAsString().startsWith("method=GET\n"), easy.bodyAsString());

      easy.post("a=1&b=2");
      d.run(easy);
      assertTrue(easy.bodyAsString().startsWith("method=POST\n"));
      assertTrue(easy.bodyAsString().endsWith("\n\na=1&b=2"));

      easy.put("put-body".getBytes());
      d.run(easy);
      assertTrue(easy.bodyAsString().startsWith("method=PUT\n"), easy.bodyAsString());
      assertTrue(easy.bodyAsString().endsWith("put-body"));

      easy.reset().url(server.url("/echo")).method("DELETE");
      d.run(easy);
      assertTrue(easy.bodyAsString().startsWith("method=DELETE\n"));

      easy.reset().url(server.url("/echo")).method("PATCH").post("patched");
      easy.method("PATCH");
      d.run(easy);
      assertTrue(easy.bodyAsString().startsWith("method=PATCH\n"), easy.bodyAsString());
      assertTrue(easy.bodyAsString().endsWith("patched"));

      easy.reset().url(server.url("/hello")).head();
      d.run(easy);
      assertEquals(200, easy.responseCode());
      assertEquals(0, easy.body().length);
      assertEquals("HEAD", easy.getInfo(CurlInfo.EFFECTIVE_METHOD));
    }
  }

  @Test
  void removeHeaderSuppressesAHeaderLibcurlWouldSend() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/echo")).perform();
      assertTrue(easy.bodyAsString().contains("Accept: */*\n"), easy.bodyAsString());
      easy.removeHeader("Accept").perform();
      assertFalse(easy.bodyAsString().contains("Accept:"), easy.bodyAsString());
      assertEquals(List.of("Accept:"), easy.requestHeaders());
      assertThrows(IllegalArgumentException.class, () -> easy.removeHeader("Bad:Name"));
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void requestAndResponseHeaders(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/echo")).header("X-Curlew", "one").header("X-Other", "two")
          .userAgent("curlew-test/1");
      d.run(easy);
      String echoed = easy.bodyAsString();
      assertTrue(echoed.contains("X-Curlew: one\n"), echoed);
      assertTrue(echoed.contains("X-Other: two\n"), echoed);
      assertTrue(echoed.contains("User-Agent: curlew-test/1\n"), echoed);
      assertEquals("text/plain; charset=utf-8", easy.header("content-type").orElseThrow());
      assertTrue(easy.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Length")
          && h.value().equals(String.valueOf(echoed.length()))), easy.headers().toString());

      easy.reset().url(server.url("/header?name=X-Multi&value=v1"));
      d.run(easy);
      assertEquals("v1", easy.header("X-Multi").orElseThrow());
      assertTrue(easy.header("X-Absent").isEmpty());
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void redirectsFollowedLimitedAndRestricted(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/redirect/3")).followRedirects(true);
      d.run(easy);
      assertEquals("done", easy.bodyAsString());
      assertEquals(3L, easy.getInfo(CurlInfo.REDIRECT_COUNT));
      assertEquals(server.url("/redirect/0"), easy.getInfo(CurlInfo.EFFECTIVE_URL));
      // the first request's Location is still readable through the header API
      CurlHeader first = easy.header("Location", 0, CurlHeader.HEADER, 0).orElseThrow();
      assertEquals("/redirect/2", first.value());

      easy.maxRedirects(1);
      assertEquals(CurlCode.TOO_MANY_REDIRECTS, d.failure(easy).code());

      // a redirect to another protocol is refused by the default http/https restriction
      easy.reset().url(server.url("/absredirect?to=file:///etc/hostname")).followRedirects(true);
      CurlException e = d.failure(easy);
      assertEquals(CurlCode.UNSUPPORTED_PROTOCOL, e.code(), e.getMessage());

      easy.reset().url(server.url("/redirect/2"));
      d.run(easy);
      assertEquals(302, easy.responseCode(), "redirects are not followed by default");
      assertEquals(server.url("/redirect/1"), easy.getInfo(CurlInfo.REDIRECT_URL));
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void cookiesKeptSentListedAndSaved(Driver d) throws Exception {
    Path jar = Files.createTempFile("curlew-cookies", ".txt");
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.COOKIEFILE, "").setOption(CurlOption.COOKIEJAR, jar.toString());
      easy.url(server.url("/cookie/set?name=flavour&value=oat"));
      d.run(easy);
      easy.url(server.url("/cookie/show"));
      d.run(easy);
      assertEquals("flavour=oat", easy.bodyAsString());
      List<String> cookies = easy.getInfo(CurlInfo.COOKIELIST);
      assertEquals(1, cookies.size(), cookies.toString());
      assertTrue(cookies.get(0).endsWith("\tflavour\toat"), cookies.get(0));
      easy.setOption(CurlOption.COOKIELIST, "FLUSH");
      assertTrue(Files.readString(jar).contains("flavour\toat"));
      easy.setOption(CurlOption.COOKIELIST, "ALL");
      d.run(easy);
      assertEquals("", easy.bodyAsString());
    } finally {
      Files.deleteIfExists(jar);
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void resolveAndConnectToOverrideNameResolution(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.resolve("curlew.invalid:" + server.port() + ":127.0.0.1")
          .url("http://curlew.invalid:" + server.port() + "/hello");
      d.run(easy);
      assertEquals("hello", easy.bodyAsString());
      assertEquals("127.0.0.1", easy.getInfo(CurlInfo.PRIMARY_IP));

      easy.reset().connectTo("elsewhere.invalid:80:127.0.0.1:" + server.port())
          .url("http://elsewhere.invalid/hello");
      d.run(easy);
      assertEquals("hello", easy.bodyAsString());
      assertEquals((long) server.port(), easy.getInfo(CurlInfo.PRIMARY_PORT));
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void connectionIsReusedOnTheSameHandle(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/port"));
      d.run(easy);
      long firstConn = easy.getInfo(CurlInfo.CONN_ID);
      String firstPort = easy.bodyAsString();
      // the engine's loop may already hold a connection from an earlier test
      long connects = easy.getInfo(CurlInfo.NUM_CONNECTS);
      assertEquals(d == Driver.ENGINE ? connects : 1L, connects);
      d.run(easy);
      if (d == Driver.PERFORM) {
        // the handle's own connection cache: same connection, none new
        assertEquals(0L, easy.getInfo(CurlInfo.NUM_CONNECTS));
        assertEquals(firstConn, easy.getInfo(CurlInfo.CONN_ID));
        assertEquals(firstPort, easy.bodyAsString());
      } else {
        // multi handles keep connections in their own cache; a fresh CurlMulti per run
        // (the MULTI driver) starts empty, the engine's loop keeps it
        assertTrue(easy.getInfo(CurlInfo.NUM_CONNECTS) <= 1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void http2IsNegotiated(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
          .url(server.tlsUrl("/proto"));
      d.run(easy);
      assertSame(HttpVersion.V2, easy.getInfo(CurlInfo.HTTP_VERSION));
      assertEquals("HTTP/2.0", easy.bodyAsString());

      // (FORBID_REUSE: an h2c connection left in a cache would be reused by later
      // plain-HTTP requests to the same host and port)
      easy.reset().url(server.url("/proto")).httpVersion(HttpVersion.V2_PRIOR_KNOWLEDGE)
          .setOption(CurlOption.FORBID_REUSE, true);
      d.run(easy);
      assertSame(HttpVersion.V2, easy.getInfo(CurlInfo.HTTP_VERSION));
      assertEquals("HTTP/2.0", easy.bodyAsString());

      easy.reset().url(server.url("/proto")).setOption(CurlOption.FRESH_CONNECT, true);
      d.run(easy);
      assertEquals(HttpVersion.V1_1, easy.getInfo(CurlInfo.HTTP_VERSION));
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void hundredMebibyteDownloadAndUploadKeepEveryByte(Driver d) throws Exception {
    long size = 100L << 20;
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[1 << 20];
    for (long off = 0; off < size; off += block.length) {
      for (int i = 0; i < block.length; i++) {
        block[i] = TestServer.pattern(off + i);
      }
      expected.update(block);
    }
    String expectedHex = HexFormat.of().formatHex(expected.digest());

    try (CurlEasy easy = new CurlEasy()) {
      MessageDigest got = MessageDigest.getInstance("SHA-256");
      byte[] scratch = new byte[1 << 20];
      long[] received = {0};
      easy.url(server.url("/bytes?size=" + size)).onData(chunk -> {
        int n = chunk.length();
        chunk.copyTo(0, scratch, 0, n);
        got.update(scratch, 0, n);
        received[0] += n;
        return WriteCallback.CONTINUE;
      });
      d.run(easy);
      assertEquals(size, received[0]);
      assertEquals(expectedHex, HexFormat.of().formatHex(got.digest()));

      easy.reset().url(server.url("/upload")).uploadFrom(new PatternStream(size), size);
      d.run(easy);
      assertEquals("size=" + size + " sha256=" + expectedHex, easy.bodyAsString());
    }
  }

  /** The server's byte pattern as a stream, without holding it in memory. */
  static final class PatternStream extends InputStream {
    private final long size;
    private long pos;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return pos < size ? TestServer.pattern(pos++) & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - pos);
      for (int i = 0; i < n; i++) {
        b[off + i] = TestServer.pattern(pos++);
      }
      return n;
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void failuresMapToTheirCodesAndExceptions(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/delay?ms=5000")).timeout(Duration.ofMillis(200));
      CurlException timeout = d.failure(easy);
      assertInstanceOf(CurlTimeoutException.class, timeout);
      assertEquals(CurlCode.OPERATION_TIMEDOUT, timeout.code());

      easy.reset().url("http://127.0.0.1:1/");
      CurlException refused = d.failure(easy);
      assertInstanceOf(CurlConnectException.class, refused);
      assertEquals(CurlCode.COULDNT_CONNECT, refused.code());
      assertNotNull(refused.detail(), "the error buffer's text is kept");

      easy.reset().url("http://curlew-no-such-host.invalid/");
      CurlException unresolved = d.failure(easy);
      assertInstanceOf(CurlConnectException.class, unresolved);
      assertEquals(CurlCode.COULDNT_RESOLVE_HOST, unresolved.code());

      easy.reset().url(faults.url("/truncated"));
      assertEquals(CurlCode.PARTIAL_FILE, d.failure(easy).code());

      easy.reset().url(faults.url("/reset"));
      assertEquals(CurlCode.RECV_ERROR, d.failure(easy).code());

      easy.reset().url(faults.url("/malformed"));
      CurlCode malformed = d.failure(easy).code();
      assertTrue(malformed == CurlCode.WEIRD_SERVER_REPLY
          || malformed == CurlCode.UNSUPPORTED_PROTOCOL, malformed.toString());

      easy.reset().url(faults.url("/nothing"));
      assertEquals(CurlCode.GOT_NOTHING, d.failure(easy).code());

      easy.reset().url(faults.url("/stall")).timeout(Duration.ofMillis(300));
      assertEquals(CurlCode.OPERATION_TIMEDOUT, d.failure(easy).code());

      easy.reset().url(faults.url("/ok"));
      d.run(easy);
      assertEquals("ok", easy.bodyAsString(), "the handle works after all those failures");
    }
  }

  @ParameterizedTest
  @EnumSource(Driver.class)
  void bodyLimitAndDownloadToFile(Driver d) throws Exception {
    Path file = Files.createTempFile("curlew-download", ".bin");
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/bytes?size=100000")).bodyLimit(1000);
      CurlException e = d.failure(easy);
      assertEquals(CurlCode.WRITE_ERROR, e.code());
      assertTrue(e.getMessage().contains("in-memory limit"), e.getMessage());

      easy.downloadTo(file);
      d.run(easy);
      assertArrayEquals(TestServer.patternBytes(100000), Files.readAllBytes(file));
      assertEquals(100000L, easy.bodySize());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
