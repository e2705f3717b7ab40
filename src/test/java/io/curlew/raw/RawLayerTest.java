package io.curlew.raw;

import static io.curlew.raw.LibCurl.*;
import static org.junit.jupiter.api.Assertions.*;

import io.curlew.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The 1:1 C layer: transfers, types, misuse and callback failures. */
class RawLayerTest {

  private final TestServer server = TestServer.get();

  @Test
  void getWithWriteCallbackAndInfo() {
    CURL curl = curl_easy_init();
    try {
      StringBuilder body = new StringBuilder();
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (buf, size, n, ud) -> {
        ((StringBuilder) ud).append(new String(buf.toArray(), StandardCharsets.UTF_8));
        return size * n;
      });
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
      assertEquals(CURLE_OK, curl_easy_perform(curl));
      assertEquals("hello", body.toString());
      long[] code = new long[1];
      assertEquals(CURLE_OK, curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, code));
      assertEquals(200, code[0]);
      String[] type = new String[1];
      curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, type);
      assertEquals("text/plain; charset=utf-8", type[0]);
      double[] total = new double[1];
      curl_easy_getinfo(curl, CURLINFO_TOTAL_TIME, total);
      assertTrue(total[0] > 0);
      long[] size = new long[1];
      curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, size);
      assertEquals(5, size[0]);
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void defaultWriteGoesToWritedataStreamOrStdout() {
    CURL curl = curl_easy_init();
    PrintStream saved = System.out;
    try {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, stream);
      assertEquals(CURLE_OK, curl_easy_perform(curl));
      assertEquals("hello", stream.toString(StandardCharsets.UTF_8));

      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, (Object) null);
      assertEquals(CURLE_OK, curl_easy_perform(curl));
      System.out.flush();
      assertEquals("hello", captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(saved);
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void wrongValueTypesAreExceptionsNotCrashes() {
    CURL curl = curl_easy_init();
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_URL, 42L));
      assertTrue(e.getMessage().contains("CURLOPT_URL"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_VERBOSE, "yes"));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_HTTPHEADER, 1L));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_URL, new curl_slist("x")));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION,
              (curl_read_callback) (b, s, n, u) -> 0));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_SSLCERT_BLOB, 3L));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, new String[1]));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, new long[1]));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_URL, "a\0b"));
      assertEquals(CURLE_UNKNOWN_OPTION, curl_easy_setopt(curl, 9999, 1L));
      // the handle still works
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> n);
      assertEquals(CURLE_OK, curl_easy_perform(curl));
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void postfieldsizeBeyondTheDataIsRefused() {
    CURL curl = curl_easy_init();
    try {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "abc");
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 4096L));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, 4096L));
      assertEquals(CURLE_OK, curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 2L));
      // and the other order: a size first, then less data
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, (String) null);
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 10L);
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "short"));
      assertThrows(IllegalArgumentException.class,
          () -> curl_easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, "short".getBytes()));
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void useAfterCleanupIsAnIllegalStateException() {
    CURL curl = curl_easy_init();
    curl_easy_cleanup(curl);
    curl_easy_cleanup(curl); // harmless
    assertThrows(IllegalStateException.class, () -> curl_easy_perform(curl));
    assertThrows(IllegalStateException.class, () -> curl_easy_setopt(curl, CURLOPT_URL, "x"));
    assertThrows(IllegalStateException.class,
        () -> curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, new long[1]));
  }

  @Test
  void useFromASecondThreadWhileAPerformRunsIsRefused() throws Exception {
    CURL curl = curl_easy_init();
    CountDownLatch inTransfer = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> {
      inTransfer.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return n;
    });
    AtomicReference<Integer> rc = new AtomicReference<>();
    Thread t = new Thread(() -> rc.set(curl_easy_perform(curl)));
    t.start();
    assertTrue(inTransfer.await(10, TimeUnit.SECONDS));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> curl_easy_setopt(curl, CURLOPT_URL, "http://x/"));
    assertTrue(e.getMessage().contains("another thread"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> curl_easy_cleanup(curl));
    release.countDown();
    t.join(10_000);
    assertEquals(CURLE_OK, rc.get());
    curl_easy_cleanup(curl);
    assertTrue(curl.isClosed());
  }

  @Test
  void cleanupFromInsideItsOwnCallbackIsRefused() {
    CURL curl = curl_easy_init();
    try {
      AtomicReference<Throwable> seen = new AtomicReference<>();
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> {
        try {
          curl_easy_cleanup(curl);
        } catch (IllegalStateException e) {
          seen.set(e);
        }
        return n;
      });
      assertEquals(CURLE_OK, curl_easy_perform(curl));
      assertInstanceOf(IllegalStateException.class, seen.get());
      assertFalse(curl.isClosed());
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  static final class Checked extends Exception {
    Checked(String m) {
      super(m);
    }
  }

  @Test
  void callbackExceptionsAbortAndAreRethrownUnchanged() throws Exception {
    CURL curl = curl_easy_init();
    try {
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
      IllegalStateException boom = new IllegalStateException("boom");
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> {
        throw boom;
      });
      assertSame(boom, assertThrows(IllegalStateException.class, () -> curl_easy_perform(curl)));

      AssertionError err = new AssertionError("an Error");
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> {
        throw err;
      });
      assertSame(err, assertThrows(AssertionError.class, () -> curl_easy_perform(curl)));

      Checked checked = new Checked("checked");
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> {
        throw io.curlew.internal.Sneaky.raise(checked);
      });
      Throwable t = assertThrows(Throwable.class, () -> curl_easy_perform(curl));
      assertSame(checked, t);

      // the handle is reusable afterwards
      StringBuilder sb = new StringBuilder();
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> {
        sb.append(new String(b.toArray(), StandardCharsets.UTF_8));
        return n;
      });
      assertEquals(CURLE_OK, curl_easy_perform(curl));
      assertEquals("hello", sb.toString());
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void abortValuesMapToTheDocumentedCodes() {
    CURL curl = curl_easy_init();
    try {
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/bytes?size=100000"));
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> 0);
      assertEquals(CURLE_WRITE_ERROR, curl_easy_perform(curl));
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> n);
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
      curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION,
          (curl_xferinfo_callback) (c, dt, dn, ut, un) -> dn > 0 ? 1 : 0);
      assertEquals(CURLE_ABORTED_BY_CALLBACK, curl_easy_perform(curl));
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void slistsAreCopiedSoFreeingThemEarlyIsSafe() {
    CURL curl = curl_easy_init();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      curl_slist list = curl_slist_append(null, "X-One: 1");
      list = curl_slist_append(list, "X-Two: 2");
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/echo"));
      curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
      curl_slist_free_all(list);
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
      assertEquals(CURLE_OK, curl_easy_perform(curl));
      String echoed = out.toString(StandardCharsets.UTF_8);
      assertTrue(echoed.contains("X-One: 1") && echoed.contains("X-Two: 2"), echoed);
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void duphandleCarriesOptionsCallbacksAndLists() {
    CURL curl = curl_easy_init();
    CURL dup = null;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/echo"));
      curl_easy_setopt(curl, CURLOPT_HTTPHEADER, curl_slist_append(null, "X-Dup: yes"));
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "payload");
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
      dup = curl_easy_duphandle(curl);
      curl_easy_cleanup(curl); // the copy must not depend on the original
      assertEquals(CURLE_OK, curl_easy_perform(dup));
      String echoed = out.toString(StandardCharsets.UTF_8);
      assertTrue(echoed.startsWith("method=POST"), echoed);
      assertTrue(echoed.contains("X-Dup: yes"), echoed);
      assertTrue(echoed.endsWith("payload"), echoed);
    } finally {
      curl_easy_cleanup(curl);
      curl_easy_cleanup(dup);
    }
  }

  @Test
  void resetForgetsOptionsAndCallbacks() {
    CURL curl = curl_easy_init();
    try {
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) (b, s, n, u) -> {
        throw new IllegalStateException("must not be called after reset");
      });
      curl_easy_reset(curl);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
      assertEquals(CURLE_URL_MALFORMAT, curl_easy_perform(curl)); // no URL any more
      curl_easy_setopt(curl, CURLOPT_URL, server.url("/hello"));
      assertEquals(CURLE_OK, curl_easy_perform(curl));
      assertEquals("hello", out.toString(StandardCharsets.UTF_8));
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void errorBufferIsFilled() {
    CURL curl = curl_easy_init();
    try {
      byte[] errbuf = new byte[CURL_ERROR_SIZE];
      curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
      curl_easy_setopt(curl, CURLOPT_URL, "http://127.0.0.1:1/");
      assertEquals(CURLE_COULDNT_CONNECT, curl_easy_perform(curl));
      String text = new String(errbuf, StandardCharsets.UTF_8).trim();
      assertTrue(text.contains("127.0.0.1") || text.toLowerCase().contains("connect"), text);
    } finally {
      curl_easy_cleanup(curl);
    }
  }

  @Test
  void versionAndStrings() {
    assertTrue(curl_version().startsWith("libcurl/" + LIBCURL_VERSION));
    curl_version_info_data d = curl_version_info(CURLVERSION_NOW);
    assertEquals(LIBCURL_VERSION_NUM, d.version_num);
    assertTrue((d.features & CURL_VERSION_HTTP2) != 0);
    assertTrue((d.features & CURL_VERSION_ASYNCHDNS) != 0);
    assertTrue(java.util.Arrays.asList(d.protocols).contains("https"));
    assertEquals("No error", curl_easy_strerror(CURLE_OK));
    assertEquals("a%20b%2Fc", curl_easy_escape(null, "a b/c", 0));
    assertEquals("a b/c", curl_easy_unescape(null, "a%20b%2Fc", 0, null));
    assertEquals(0, curl_getdate("Thu, 01 Jan 1970 00:00:00 GMT", null));
  }
}
