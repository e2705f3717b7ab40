package io.curlew.easy;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlCode;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Secure defaults, and verbose output to System.Logger with secrets redacted. */
class DefaultsAndLoggingTest {

  private final TestServer server = TestServer.get();

  @Test
  void onlyHttpAndHttpsUntilAllowed() throws Exception {
    Path f = Files.createTempFile("curlew", ".txt");
    Files.writeString(f, "local file");
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(f.toUri().toString());
      assertEquals(CurlCode.UNSUPPORTED_PROTOCOL,
          assertThrows(CurlException.class, easy::perform).code());
      easy.protocols("file,http,https").perform();
      assertEquals("local file", easy.bodyAsString());
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @Test
  void nosignalStaysOn() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.NOSIGNAL, false); // accepted, but libcurl keeps it on
      easy.url(server.url("/hello")).perform();
      assertEquals("hello", easy.bodyAsString());
    }
  }

  @Test
  void verboseGoesToTheLoggerRedactedAndNeverToStdoutOrStderr() throws Exception {
    Logger wire = Logger.getLogger("io.curlew.wire");
    List<String> lines = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Level old = wire.getLevel();
    wire.setLevel(Level.FINEST);
    wire.addHandler(h);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (CurlEasy easy = new CurlEasy()) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
      easy.url("http://alice:s3cret@127.0.0.1:" + server.port() + "/cookie/set?name=sid&value=v42")
          .header("Authorization", "Bearer token-123").header("Cookie", "session=abc")
          .setOption(CurlOption.COOKIEFILE, "").verbose(true).perform();
    } finally {
      System.setOut(out);
      System.setErr(err);
      wire.removeHandler(h);
      wire.setLevel(old);
    }
    String all = String.join("\n", lines);
    assertTrue(all.contains("> GET /cookie/set"), all);
    assertTrue(all.contains("> Authorization: [redacted]"), all);
    assertTrue(all.contains("> Cookie: [redacted]"), all);
    assertTrue(all.contains("< Set-Cookie: [redacted]"), all);
    // (the cookie's value is in the request URL, which is logged as it is; not in cookies)
    assertFalse(all.contains("token-123") || all.contains("session=abc")
        || all.contains("sid=v42") || all.contains("\"v42\"") || all.contains("s3cret")
        || all.contains("YWxpY2U6czNjcmV0"), all);
    assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing printed");
  }

  @Test
  void theRedactionRules() {
    assertEquals("Authorization: [redacted]",
        io.curlew.internal.WireLog.redact("Authorization: Basic YWxpY2U6czNjcmV0"));
    assertEquals("proxy-authorization:[redacted]",
        io.curlew.internal.WireLog.redact("proxy-authorization:secret"));
    assertEquals("Issue another request to this URL: 'http://[redacted]@h/x'",
        io.curlew.internal.WireLog.redact("Issue another request to this URL: 'http://u:p@h/x'"));
    assertEquals("Added cookie sid=\"[redacted]\" for domain h, path /, expire 0",
        io.curlew.internal.WireLog.redact("Added cookie sid=\"v42\" for domain h, path /, "
            + "expire 0"));
    assertEquals("Content-Type: text/plain",
        io.curlew.internal.WireLog.redact("Content-Type: text/plain"));
  }

  @Test
  void postTransferInfoIsTyped() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/bytes?size=1234")).perform();
      assertEquals(200L, easy.getInfo(CurlInfo.RESPONSE_CODE));
      assertEquals(1234L, easy.getInfo(CurlInfo.SIZE_DOWNLOAD_T));
      assertTrue(easy.getInfo(CurlInfo.TOTAL_TIME_T).toNanos() > 0);
      assertTrue(easy.getInfo(CurlInfo.TOTAL_TIME_T).compareTo(
          easy.getInfo(CurlInfo.CONNECT_TIME_T)) >= 0);
      assertEquals("127.0.0.1", easy.getInfo(CurlInfo.PRIMARY_IP));
      assertEquals("GET", easy.getInfo(CurlInfo.EFFECTIVE_METHOD));
      assertEquals("http", easy.getInfo(CurlInfo.SCHEME).toLowerCase());
      Object mine = new Object();
      easy.setOption(CurlOption.PRIVATE, mine);
      assertSame(mine, easy.getInfo(CurlInfo.PRIVATE));
      assertTrue(easy.getInfo(CurlInfo.XFER_ID) >= 0);
      for (io.curlew.CurlInfo<?> info : io.curlew.CurlInfo.values()) {
        try {
          easy.getInfo(info); // every info can be read after a transfer without a crash
        } catch (IllegalArgumentException refused) {
          assertTrue(refused.getMessage().contains(info.toString()), refused.getMessage());
        }
      }
    }
  }
}
