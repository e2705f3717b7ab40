package io.curlew.easy;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.CurlShare;
import io.curlew.TlsSession;
import io.curlew.testing.TestCertificates;
import io.curlew.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** TLS session export and import; HSTS and alt-svc cache files. */
class CacheFilesTest {

  private final TestServer server = TestServer.get();

  private CurlEasy tlsHandle(AtomicInteger reused, CurlShare share) {
    CurlEasy easy = new CurlEasy();
    easy.url("https://localhost:" + server.tlsPort() + "/hello")
        .setOption(CurlOption.SHARE, share)
        .setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
        .verbose(true).setOption(CurlOption.DEBUGFUNCTION, (type, data) -> {
          if (data.toString().contains("SSL reusing session")) {
            reused.incrementAndGet();
          }
        });
    return easy;
  }

  @Test
  void tlsSessionsExportedFromOneShareResumeInAnother() throws Exception {
    // between transfers a handle's sessions live in a share (otherwise in the multi
    // handle that drives it), so export and import go through shares
    List<TlsSession> sessions;
    AtomicInteger first = new AtomicInteger();
    try (CurlShare share = new CurlShare(CurlShare.Data.SSL_SESSION);
        CurlEasy a = tlsHandle(first, share)) {
      a.perform();
      sessions = a.exportTlsSessions();
      a.setOption(CurlOption.SHARE, null);
    }
    assertEquals(0, first.get());
    assertFalse(sessions.isEmpty(), "a session was cached");
    assertTrue(sessions.get(0).sessionKey().contains("localhost"), sessions.get(0).sessionKey());
    assertTrue(sessions.get(0).data().length > 0);

    AtomicInteger fresh = new AtomicInteger();
    try (CurlShare share = new CurlShare(CurlShare.Data.SSL_SESSION);
        CurlEasy b = tlsHandle(fresh, share)) {
      b.perform();
      b.setOption(CurlOption.SHARE, null);
    }
    assertEquals(0, fresh.get(), "a new share has no session to resume");

    AtomicInteger imported = new AtomicInteger();
    try (CurlShare share = new CurlShare(CurlShare.Data.SSL_SESSION);
        CurlEasy c = tlsHandle(imported, share)) {
      for (TlsSession s : sessions) {
        c.importTlsSession(s);
      }
      c.perform();
      assertEquals("hello", c.bodyAsString());
      c.setOption(CurlOption.SHARE, null);
    }
    assertEquals(1, imported.get(), "the imported session was resumed");
  }

  @Test
  void hstsAndAltSvcCachesAreWrittenToFiles() throws Exception {
    Path hsts = Files.createTempFile("curlew-hsts", ".txt");
    Path altsvc = Files.createTempFile("curlew-altsvc", ".txt");
    try {
      try (CurlEasy easy = new CurlEasy()) {
        easy.setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
            .setOption(CurlOption.HSTS, hsts.toString())
            .setOption(CurlOption.HSTS_CTRL, 1L)
            .url("https://localhost:" + server.tlsPort()
                + "/header?name=Strict-Transport-Security&value=max-age%3D3600")
            .perform();
        assertEquals(200, easy.responseCode());
      } // closing the handle saves the HSTS cache
      String h = Files.readString(hsts);
      assertTrue(h.contains("localhost"), h);

      try (CurlEasy easy = new CurlEasy()) {
        easy.setOption(CurlOption.HSTS, hsts.toString()).setOption(CurlOption.HSTS_CTRL, 1L)
            .setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
            .url("http://localhost:" + server.tlsPort() + "/hello").perform();
        assertTrue(easy.getInfo(CurlInfo.EFFECTIVE_URL).startsWith("https://"),
            "the saved HSTS entry upgraded http to https");
      }

      try (CurlEasy easy = new CurlEasy()) {
        easy.setOption(CurlOption.ALTSVC, altsvc.toString())
            .setOption(CurlOption.ALTSVC_CTRL, io.curlew.raw.LibCurl.CURLALTSVC_H1
                | io.curlew.raw.LibCurl.CURLALTSVC_H2)
            .setOption(CurlOption.CAINFO, TestCertificates.get().caFile.toString())
            .url("https://localhost:" + server.tlsPort()
                + "/header?name=Alt-Svc&value=h2%3D%22:" + server.tlsPort() + "%22%3B%20ma%3D60")
            .perform();
      }
      String a = Files.readString(altsvc);
      assertTrue(a.contains("h2 localhost " + server.tlsPort()), a);
    } finally {
      Files.deleteIfExists(hsts);
      Files.deleteIfExists(altsvc);
    }
  }
}
