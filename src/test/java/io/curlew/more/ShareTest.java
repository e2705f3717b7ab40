package io.curlew.more;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.CurlShare;
import io.curlew.CurlShareCode;
import io.curlew.CurlShareException;
import io.curlew.testing.TestCertificates;
import io.curlew.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CurlShare: DNS and TLS sessions shared by handles on many threads, with native locks. */
@Timeout(120)
class ShareTest {

  private final TestServer server = TestServer.get();
  private static final int THREADS = 8;
  private static final int ROUNDS = 3;

  /** Counts resolves and TLS session reuses of one handle. */
  private static final class Counting {
    final AtomicInteger resolves = new AtomicInteger();
    final AtomicInteger reused = new AtomicInteger();
    /** whether the handle's first handshake resumed a session (only a share can give one) */
    volatile boolean firstReused;
  }

  private Counting configure(CurlEasy easy, CurlShare share) {
    Counting c = new Counting();
    // TLS 1.2: its sessions can be resumed many times (TLS 1.3 tickets once each), so
    // every handshake of every thread can resume the one shared session
    easy.tlsVersions(io.curlew.SslVersion.TLSv1_2, io.curlew.SslVersionMax.TLSv1_2)
        .url("https://localhost:" + server.tlsPort() + "/hello")
        .setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
        .setOption(CurlOption.FRESH_CONNECT, true) // every round a new TLS handshake
        .setOption(CurlOption.RESOLVER_START_FUNCTION, () -> {
          c.resolves.incrementAndGet();
          return true;
        })
        .verbose(true)
        .setOption(CurlOption.DEBUGFUNCTION, (type, data) -> {
          if (data.toString().contains("SSL reusing session")) {
            c.reused.incrementAndGet();
          }
        });
    if (share != null) {
      easy.setOption(CurlOption.SHARE, share);
    }
    return c;
  }

  private List<Counting> runThreads(CurlShare share) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Counting>> fs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        fs.add(pool.submit((Callable<Counting>) () -> {
          try (CurlEasy easy = new CurlEasy()) {
            Counting c = configure(easy, share);
            for (int r = 0; r < ROUNDS; r++) {
              easy.perform();
              assertEquals("hello", easy.bodyAsString());
              if (r == 0) {
                c.firstReused = c.reused.get() > 0;
              }
            }
            easy.setOption(CurlOption.SHARE, null);
            return c;
          }
        }));
      }
      List<Counting> out = new ArrayList<>();
      for (Future<Counting> f : fs) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void threadsShareDnsAndTlsSessions() throws Exception {
    try (CurlShare share = new CurlShare(CurlShare.Data.DNS, CurlShare.Data.SSL_SESSION)) {
      // one handle fills the shared caches first
      try (CurlEasy warm = new CurlEasy()) {
        Counting c = configure(warm, share);
        warm.perform();
        assertEquals(1, c.resolves.get());
        assertEquals(0, c.reused.get());
        warm.setOption(CurlOption.SHARE, null);
      }
      List<Counting> results = runThreads(share);
      int resolves = results.stream().mapToInt(c -> c.resolves.get()).sum();
      long firstReused = results.stream().filter(c -> c.firstReused).count();
      int reused = results.stream().mapToInt(c -> c.reused.get()).sum();
      assertEquals(0, resolves, "every handle found localhost in the shared DNS cache");
      // A handle's first handshake can only resume a session another handle made. libcurl
      // takes a session out of the cache while a handshake uses it, so threads that
      // handshake at the same moment may find none: most do, not necessarily all.
      assertTrue(firstReused >= THREADS / 2, "first handshakes resumed: " + firstReused);
      assertTrue(reused >= THREADS * ROUNDS / 2, "handshakes resumed: " + reused);
      assertEquals(0, share.users());
    }
  }

  @Test
  void withoutAShareEachHandleResolvesAndHandshakesOnItsOwn() throws Exception {
    List<Counting> results = runThreads(null);
    for (Counting c : results) {
      assertEquals(1, c.resolves.get(), "its own DNS cache: one resolve per handle");
      assertFalse(c.firstReused, "nothing to resume in a new handle's own cache");
      assertEquals(ROUNDS - 1, c.reused.get(), "its own session cache: the first round is full");
    }
  }

  @Test
  void connectionCacheSharedBetweenHandlesOfOneThread() throws Exception {
    try (CurlShare share = new CurlShare(CurlShare.Data.CONNECT);
        CurlEasy a = new CurlEasy(); CurlEasy b = new CurlEasy()) {
      a.setOption(CurlOption.SHARE, share).url(server.url("/port")).perform();
      b.setOption(CurlOption.SHARE, share).url(server.url("/port")).perform();
      assertEquals(0L, b.getInfo(CurlInfo.NUM_CONNECTS), "b reused a's connection");
      assertEquals(a.bodyAsString(), b.bodyAsString(), "same client port, same connection");
      a.setOption(CurlOption.SHARE, null);
      b.setOption(CurlOption.SHARE, null);
    }
  }

  @Test
  void closingAShareInUseIsRefusedAndLibcurlCodesAreExceptions() throws Exception {
    CurlShare share = new CurlShare(CurlShare.Data.COOKIE);
    CurlEasy easy = new CurlEasy().setOption(CurlOption.SHARE, share);
    IllegalStateException e = assertThrows(IllegalStateException.class, share::close);
    assertTrue(e.getMessage().contains("still used by 1"), e.getMessage());
    CurlShareException inUse = assertThrows(CurlShareException.class,
        () -> share.unshare(CurlShare.Data.COOKIE));
    assertEquals(CurlShareCode.IN_USE, inUse.code());
    easy.close(); // detaches
    share.close();
    share.close(); // again: nothing
    assertThrows(IllegalStateException.class,
        () -> new CurlEasy().setOption(CurlOption.SHARE, share));
  }
}
