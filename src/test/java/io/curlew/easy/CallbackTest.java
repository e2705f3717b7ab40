package io.curlew.easy;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlAbortedByCallbackException;
import io.curlew.CurlCode;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.callback.*;
import io.curlew.raw.CurlewLoop;
import io.curlew.testing.Driver;
import io.curlew.testing.TestCertificates;
import io.curlew.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every callback kind on its normal path, on its error return, and throwing a checked
 * exception, an unchecked one and an Error: the transfer is aborted the way libcurl
 * documents, the same Throwable comes out (checked ones inside a
 * CurlAbortedByCallbackException), nothing leaks and the handle works afterwards.
 */
@Timeout(60)
class CallbackTest {

  private static final TestServer server = TestServer.get();

  static final class Checked extends Exception {
    Checked() {
      super("a checked failure");
    }
  }

  /** The three kinds of Throwable a callback may throw, made fresh per use. */
  private static final List<Supplier<Throwable>> THROWABLES = List.of(
      Checked::new,
      () -> new IllegalStateException("an unchecked failure"),
      () -> new AssertionError("an Error"));

  private static <T extends Throwable> RuntimeException raise(Throwable t) throws T {
    throw io.curlew.internal.Sneaky.raise(t);
  }

  /**
   * Configures a handle with a callback that throws each kind of Throwable in turn; the
   * transfer must end with exactly that Throwable (checked: as the cause), and afterwards
   * the same handle, reset, must complete a plain GET.
   */
  private static void throwsThrough(Driver d, String path, Consumer<CurlEasy> plainSetup,
      java.util.function.BiConsumer<CurlEasy, Throwable> install) throws Exception {
    long refs = CurlewLoop.nativeGlobalRefs();
    try (CurlEasy easy = new CurlEasy()) {
      for (Supplier<Throwable> s : THROWABLES) {
        Throwable t = s.get();
        easy.reset().url(server.url(path));
        plainSetup.accept(easy);
        install.accept(easy, t);
        Throwable out = assertThrows(Throwable.class, () -> d.run(easy));
        if (t instanceof Checked) {
          assertInstanceOf(CurlAbortedByCallbackException.class, out, String.valueOf(out));
          assertSame(t, out.getCause());
        } else {
          assertSame(t, out);
        }
        easy.reset().url(server.url("/hello"));
        d.run(easy);
        assertEquals("hello", easy.bodyAsString());
      }
    }
    assertEquals(refs, CurlewLoop.nativeGlobalRefs(), "JNI global refs leaked");
  }

  // --- write -----------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void write(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      AtomicInteger calls = new AtomicInteger();
      easy.url(server.url("/bytes?size=200000")).onData(chunk -> {
        calls.incrementAndGet();
        got.write(chunk.toArray());
        return WriteCallback.CONTINUE;
      });
      d.run(easy);
      assertArrayEquals(TestServer.patternBytes(200000), got.toByteArray());
      assertTrue(calls.get() > 1);
    }
    throwsThrough(d, "/hello", e -> { }, (e, t) -> e.onData(c -> {
      throw raise(t);
    }));
  }

  @Test
  void writePauseAndResumeFromTheProgressCallback() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      AtomicBoolean paused = new AtomicBoolean();
      AtomicInteger pauses = new AtomicInteger();
      easy.url(server.url("/bytes?size=300000")).onData(chunk -> {
        if (pauses.get() < 3 && !paused.get()) {
          paused.set(true);
          pauses.incrementAndGet();
          return WriteCallback.PAUSE; // libcurl keeps this chunk and delivers it again
        }
        got.write(chunk.toArray());
        return WriteCallback.CONTINUE;
      }).onProgress((dt, dn, ut, un) -> {
        if (paused.compareAndSet(true, false)) {
          easy.unpause();
        }
        return true;
      });
      easy.perform();
      assertEquals(3, pauses.get());
      assertArrayEquals(TestServer.patternBytes(300000), got.toByteArray());
    }
  }

  // --- header ------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void header(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      List<String> lines = new ArrayList<>();
      easy.url(server.url("/hello")).setOption(CurlOption.HEADERFUNCTION,
          line -> lines.add(line.toString()));
      d.run(easy);
      assertTrue(lines.get(0).startsWith("HTTP/1.1 200"), lines.toString());
      assertEquals("\r\n", lines.get(lines.size() - 1));
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("Content-Length: 5")));
    }
    throwsThrough(d, "/hello", e -> { }, (e, t) -> e.setOption(CurlOption.HEADERFUNCTION,
        line -> {
          throw raise(t);
        }));
  }

  // --- read ---------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void read(Driver d) throws Exception {
    byte[] payload = "read-callback-payload".getBytes(StandardCharsets.UTF_8);
    try (CurlEasy easy = new CurlEasy()) {
      int[] pos = {0};
      easy.url(server.url("/echo")).setOption(CurlOption.UPLOAD, true)
          .setOption(CurlOption.INFILESIZE_LARGE, (long) payload.length)
          .setOption(CurlOption.READFUNCTION, buf -> {
            int n = Math.min(buf.length(), payload.length - pos[0]);
            buf.put(0, payload, pos[0], n);
            pos[0] += n;
            return n;
          });
      d.run(easy);
      assertTrue(easy.bodyAsString().endsWith("read-callback-payload"), easy.bodyAsString());

      easy.reset().url(server.url("/echo")).setOption(CurlOption.UPLOAD, true)
          .setOption(CurlOption.READFUNCTION, buf -> ReadCallback.ABORT);
      assertEquals(CurlCode.ABORTED_BY_CALLBACK, d.failure(easy).code());
    }
    throwsThrough(d, "/echo", e -> e.setOption(CurlOption.UPLOAD, true),
        (e, t) -> e.setOption(CurlOption.READFUNCTION, buf -> {
          throw raise(t);
        }));
  }

  // --- progress ------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void progress(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      AtomicLong last = new AtomicLong();
      easy.url(server.url("/bytes?size=100000")).onProgress((dt, dn, ut, un) -> {
        last.set(dn);
        return true;
      });
      d.run(easy);
      assertEquals(100000, last.get());

      easy.onProgress((dt, dn, ut, un) -> dn == 0);
      CurlException e = d.failure(easy);
      assertEquals(CurlCode.ABORTED_BY_CALLBACK, e.code());
      assertInstanceOf(CurlAbortedByCallbackException.class, e);
    }
    throwsThrough(d, "/bytes?size=100000", e -> { }, (e, t) -> e.onProgress((a, b, c, x) -> {
      throw raise(t);
    }));
  }

  // --- debug ---------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void debug(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      List<InfoType> types = new ArrayList<>();
      StringBuilder out = new StringBuilder();
      easy.url(server.url("/hello")).verbose(true).setOption(CurlOption.DEBUGFUNCTION,
          (type, data) -> {
            types.add(type);
            if (type == InfoType.HEADER_OUT) {
              out.append(data.toString());
            }
          });
      d.run(easy);
      assertTrue(types.contains(InfoType.TEXT) && types.contains(InfoType.HEADER_IN), types.toString());
      assertTrue(out.toString().startsWith("GET /hello HTTP/1.1\r\n"), out.toString());
    }
    // libcurl ignores what a debug callback returns, so the transfer runs to its end;
    // the exception still comes out of the call that drove it
    throwsThrough(d, "/hello", e -> e.verbose(true), (e, t) -> e.setOption(
        CurlOption.DEBUGFUNCTION, (type, data) -> {
          throw raise(t);
        }));
  }

  // --- seek ----------------------------------------------------------------------------

  @Test
  void seekRewindsABodyForARedirectThatResendsIt() throws Exception {
    byte[] payload = "rewind-me".getBytes(StandardCharsets.UTF_8);
    try (CurlEasy easy = new CurlEasy()) {
      int[] pos = {0};
      AtomicInteger seeks = new AtomicInteger();
      // a 307 to /echo keeps the method and body: libcurl must rewind the upload
      easy.url(server.url("/absredirect307?to=/echo")).followRedirects(true)
          .setOption(CurlOption.POST, true)
          .setOption(CurlOption.POSTFIELDSIZE_LARGE, (long) payload.length)
          .setOption(CurlOption.READFUNCTION, buf -> {
            int n = Math.min(buf.length(), payload.length - pos[0]);
            buf.put(0, payload, pos[0], n);
            pos[0] += n;
            return n;
          })
          .setOption(CurlOption.SEEKFUNCTION, (offset, origin) -> {
            seeks.incrementAndGet();
            pos[0] = (int) offset;
            return SeekCallback.OK;
          });
      easy.perform();
      assertTrue(seeks.get() >= 1);
      assertTrue(easy.bodyAsString().endsWith("rewind-me"), easy.bodyAsString());

      pos[0] = 0;
      easy.setOption(CurlOption.SEEKFUNCTION, (offset, origin) -> SeekCallback.FAIL);
      assertEquals(CurlCode.SEND_FAIL_REWIND, assertThrows(CurlException.class, easy::perform)
          .code());

      for (Supplier<Throwable> s : THROWABLES) {
        Throwable t = s.get();
        pos[0] = 0;
        easy.setOption(CurlOption.SEEKFUNCTION, (offset, origin) -> {
          throw raise(t);
        });
        Throwable out = assertThrows(Throwable.class, easy::perform);
        assertSame(t, t instanceof Checked ? out.getCause() : out);
      }
    }
  }

  // --- sockets ---------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void sockoptOpensocketClosesocket(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      List<Integer> opened = new ArrayList<>();
      List<Integer> configured = new ArrayList<>();
      List<Integer> closed = new ArrayList<>();
      easy.url(server.url("/hello")).setOption(CurlOption.FRESH_CONNECT, true)
          .setOption(CurlOption.OPENSOCKETFUNCTION, req -> {
            assertEquals(server.port(), req.address().getPort());
            int fd = req.open();
            opened.add(fd);
            return fd;
          })
          .setOption(CurlOption.SOCKOPTFUNCTION, (fd, purpose) -> {
            configured.add(fd);
            return SockoptCallback.OK;
          })
          .setOption(CurlOption.CLOSESOCKETFUNCTION, fd -> {
            closed.add(fd);
            SocketRequest.close(fd);
          })
          .setOption(CurlOption.FORBID_REUSE, true);
      d.run(easy);
      assertEquals("hello", easy.bodyAsString());
      assertEquals(1, opened.size());
      assertEquals(opened, configured);
      assertEquals(opened, closed, "FORBID_REUSE closes the socket with the transfer");

      easy.setOption(CurlOption.SOCKOPTFUNCTION, (fd, p) -> SockoptCallback.ERROR);
      assertEquals(CurlCode.ABORTED_BY_CALLBACK, d.failure(easy).code());
      easy.setOption(CurlOption.SOCKOPTFUNCTION, null);
      easy.setOption(CurlOption.OPENSOCKETFUNCTION, req -> -1);
      assertEquals(CurlCode.COULDNT_CONNECT, d.failure(easy).code());
    }
    // FRESH_CONNECT: a cached connection would need no new socket
    Consumer<CurlEasy> fresh = e -> e.setOption(CurlOption.FRESH_CONNECT, true);
    throwsThrough(d, "/hello", fresh, (e, t) -> e.setOption(CurlOption.SOCKOPTFUNCTION,
        (fd, p) -> {
          throw raise(t);
        }));
    throwsThrough(d, "/hello", fresh, (e, t) -> e.setOption(CurlOption.OPENSOCKETFUNCTION,
        req -> {
          throw raise(t);
        }));
  }

  // --- prereq, resolver start ---------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void prereqAndResolverStart(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      List<String> seen = new ArrayList<>();
      AtomicInteger resolves = new AtomicInteger();
      easy.url("http://localhost:" + server.port() + "/hello")
          .setOption(CurlOption.FRESH_CONNECT, true)
          .setOption(CurlOption.PREREQFUNCTION, (pip, lip, pport, lport) -> {
            seen.add(pip + ":" + pport);
            return true;
          })
          .setOption(CurlOption.RESOLVER_START_FUNCTION, () -> {
            resolves.incrementAndGet();
            return true;
          })
          .setOption(CurlOption.DNS_CACHE_TIMEOUT, java.time.Duration.ZERO);
      d.run(easy);
      assertEquals("hello", easy.bodyAsString());
      assertEquals(1, seen.size());
      assertTrue(seen.get(0).endsWith(":" + server.port()), seen.toString());
      assertTrue(resolves.get() >= 1);

      easy.setOption(CurlOption.PREREQFUNCTION, (a, b, c, x) -> false);
      assertEquals(CurlCode.ABORTED_BY_CALLBACK, d.failure(easy).code());
      easy.setOption(CurlOption.PREREQFUNCTION, null);
      easy.setOption(CurlOption.RESOLVER_START_FUNCTION, () -> false);
      assertEquals(CurlCode.ABORTED_BY_CALLBACK, d.failure(easy).code());
    }
    throwsThrough(d, "/hello", e -> e.setOption(CurlOption.FRESH_CONNECT, true),
        (e, t) -> e.setOption(CurlOption.PREREQFUNCTION,
        (a, b, c, x) -> {
          throw raise(t);
        }));
  }

  // --- trailers ---------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Driver.class)
  void trailersOfAChunkedUpload(Driver d) throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      AtomicInteger asked = new AtomicInteger();
      byte[] payload = "chunked".getBytes(StandardCharsets.UTF_8);
      int[] pos = {0};
      easy.url(server.url("/echo")).setOption(CurlOption.UPLOAD, true)
          .setOption(CurlOption.READFUNCTION, buf -> {
            int n = Math.min(buf.length(), payload.length - pos[0]);
            buf.put(0, payload, pos[0], n);
            pos[0] += n;
            return n;
          })
          .setOption(CurlOption.TRAILERFUNCTION, () -> {
            asked.incrementAndGet();
            return List.of("X-Checksum: 42");
          });
      d.run(easy);
      assertEquals(1, asked.get());
      assertTrue(easy.bodyAsString().contains("Transfer-Encoding: chunked"), easy.bodyAsString());
      assertTrue(easy.bodyAsString().endsWith("chunked"));

      pos[0] = 0;
      easy.setOption(CurlOption.TRAILERFUNCTION, () -> List.of("Bad: a\r\nInjected: b"));
      Throwable t = assertThrows(IllegalArgumentException.class, () -> d.run(easy));
      assertTrue(t.getMessage().contains("CR and LF"), t.getMessage());
    }
  }

  // --- HSTS ---------------------------------------------------------------------------------

  @Test
  void hstsReadUpgradesAndWriteSavesTheCache() throws Exception {
    List<HstsEntry> saved = new ArrayList<>();
    try (CurlEasy easy = new CurlEasy()) {
      boolean[] given = {false};
      easy.setOption(CurlOption.HSTS_CTRL, 1L)
          .setOption(CurlOption.HSTSREADFUNCTION, () -> {
            if (given[0]) {
              return null;
            }
            given[0] = true;
            return new HstsEntry("localhost", false, "20991231 23:59:59");
          })
          .setOption(CurlOption.HSTSWRITEFUNCTION, (entry, index, total) -> saved.add(entry))
          .setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
          // http://localhost:<tls port> is upgraded to https by the HSTS entry
          .url("http://localhost:" + server.tlsPort() + "/proto");
      easy.perform();
      assertEquals("https://localhost:" + server.tlsPort() + "/proto",
          easy.getInfo(CurlInfo.EFFECTIVE_URL));
    }
    assertEquals(1, saved.size(), "the cache is written when the handle closes");
    assertEquals("localhost", saved.get(0).host());
  }

  // --- SSL_CTX ---------------------------------------------------------------------------

  @Test
  void sslCtxGetsTheContextAndCanFailTheTransfer() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      AtomicLong ctx = new AtomicLong();
      easy.url(server.tlsUrl("/hello"))
          .setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
          .setOption(CurlOption.SSL_CTX_FUNCTION, ctx::set);
      easy.perform();
      assertNotEquals(0, ctx.get(), "OpenSSL's SSL_CTX pointer");
      for (Supplier<Throwable> s : THROWABLES) {
        Throwable t = s.get();
        easy.setOption(CurlOption.FRESH_CONNECT, true)
            .setOption(CurlOption.SSL_CTX_FUNCTION, c -> {
              throw raise(t);
            });
        Throwable out = assertThrows(Throwable.class, easy::perform);
        assertSame(t, t instanceof Checked ? out.getCause() : out);
      }
    }
  }

  @Test
  void unsupportedOptionsSayWhy() {
    try (CurlEasy easy = new CurlEasy()) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> easy.setOption(CurlOption.ERRORBUFFER, new byte[256]));
      assertTrue(e.getMessage().contains("CurlException.detail"), e.getMessage());
      assertThrows(UnsupportedOperationException.class,
          () -> easy.setOption(CurlOption.SOCKOPTDATA, "x"));
      assertFalse(CurlOption.ERRORBUFFER.isSupported());
      assertTrue(CurlOption.URL.isSupported());
    }
  }
}
