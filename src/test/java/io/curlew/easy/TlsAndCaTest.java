package io.curlew.easy;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CertificateInfo;
import io.curlew.CurlCode;
import io.curlew.CurlEasy;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.CurlTlsException;
import io.curlew.TlsSessionInfo;
import io.curlew.internal.CaBundle;
import io.curlew.testing.TestCertificates;
import io.curlew.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTPS against the test server, whose CA nothing trusts by default. */
class TlsAndCaTest {

  private final TestServer server = TestServer.get();
  private final TestCertificates certs = TestCertificates.get();

  @Test
  void caGivenAsFile() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.CAINFO, certs.caFile.toString()).url(server.tlsUrl("/hello"))
          .perform();
      assertEquals("hello", easy.bodyAsString());
      assertEquals(0L, easy.getInfo(CurlInfo.SSL_VERIFYRESULT));
      assertNull(easy.getInfo(CurlInfo.CAINFO), "no CA path is compiled into libcurl");
    }
  }

  @Test
  void caGivenAsBlob() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.CAINFO_BLOB, certs.caPem).url(server.tlsUrl("/hello"))
          .perform();
      assertEquals("hello", easy.bodyAsString());
    }
  }

  @Test
  void theDefaultBundleDoesNotTrustThePrivateCaAndSaysSo() {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(server.tlsUrl("/hello"));
      CurlTlsException e = assertThrows(CurlTlsException.class, easy::perform);
      assertEquals(CurlCode.PEER_FAILED_VERIFICATION, e.code());
    }
  }

  @Test
  void anUnrelatedCaFailsVerification() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.CAINFO, TestCertificates.unrelatedCaFile().toString())
          .url(server.tlsUrl("/hello"));
      assertEquals(CurlCode.PEER_FAILED_VERIFICATION,
          assertThrows(CurlTlsException.class, easy::perform).code());
    }
  }

  @Test
  void aMissingBundleIsAClearErrorNotAnInsecureFallback() {
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.CAINFO, "/nonexistent/ca.pem").url(server.tlsUrl("/hello"));
      CurlTlsException e = assertThrows(CurlTlsException.class, easy::perform);
      assertEquals(CurlCode.SSL_CACERT_BADFILE, e.code());
      assertTrue(e.getMessage().contains("/nonexistent/ca.pem"), e.getMessage());
    }
  }

  @Test
  void thisMachinesBundleIsFoundWithoutConfiguration() {
    CaBundle.Source ca = CaBundle.get();
    assertTrue(ca.found(), "tried: " + ca.tried());
    String expected = System.getenv("SSL_CERT_FILE") != null ? System.getenv("SSL_CERT_FILE")
        : CaBundle.WELL_KNOWN.stream().filter(p -> Files.isReadable(Path.of(p))).findFirst()
            .orElse(null);
    if (expected != null) {
      assertEquals(expected, ca.file());
      // libcurl names the CA file it verifies with in its verbose output
      StringBuilder text = new StringBuilder();
      try (CurlEasy easy = new CurlEasy()) {
        easy.url(server.tlsUrl("/hello")).verbose(true).setOption(CurlOption.DEBUGFUNCTION,
            (type, data) -> text.append(data.toString()));
        assertThrows(CurlTlsException.class, easy::perform); // the private CA is not in it
      }
      assertTrue(text.toString().contains("CAfile: " + expected), text.toString());
    } else {
      assertNotNull(ca.blob(), "the JVM trust store as PEM");
    }
  }

  @Test
  void theJvmTrustStoreConvertsToPem() {
    byte[] pem = CaBundle.jvmTrustStorePem();
    assertNotNull(pem);
    String s = new String(pem, java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(s.startsWith("-----BEGIN CERTIFICATE-----\n"));
    assertTrue(s.split("-----BEGIN CERTIFICATE-----").length > 50, "a real trust store");
  }

  @Test
  void certificateChainAndTlsPointer() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.CAINFO, certs.caFile.toString())
          .setOption(CurlOption.CERTINFO, true).url(server.tlsUrl("/hello")).perform();
      List<CertificateInfo> chain = easy.getInfo(CurlInfo.CERTINFO);
      assertEquals(2, chain.size(), chain.toString());
      assertTrue(chain.get(0).get("Subject").contains("localhost"), chain.get(0).fields().toString());
      assertTrue(chain.get(1).get("Subject").contains("curlew test CA"));
      assertTrue(chain.get(0).get("Cert").startsWith("-----BEGIN CERTIFICATE-----"));
      TlsSessionInfo tls = easy.getInfo(CurlInfo.TLS_SSL_PTR);
      assertEquals(io.curlew.raw.LibCurl.CURLSSLBACKEND_OPENSSL, tls.backend());
    }
  }
}
