package io.curlew;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Smoke test of a release library on its target system (.ci/release-check.sh runs it in the
 * bullseye root and under qemu-aarch64): the library JavaCPP loaded is the expected file for
 * the expected platform, and a real HTTP and HTTPS download from a local server arrives
 * whole. Skipped unless {@code curlew.smoke.http} is set. Properties: {@code
 * curlew.smoke.platform}, {@code curlew.smoke.library.sha256}, {@code curlew.smoke.http},
 * {@code curlew.smoke.https}, {@code curlew.smoke.ca} (the server's certificate), {@code
 * curlew.smoke.size} and {@code curlew.smoke.sha256} (of the served file), and {@code
 * curlew.smoke.libc} (a part of the mapped C library's file name, e.g. {@code libc-2.31.so}).
 */
@EnabledIfSystemProperty(named = "curlew.smoke.http", matches = ".+")
class ReleaseSmokeTest {

  @Test
  void theExpectedLibraryIsLoadedForThisPlatform() throws Exception {
    Curl.version();
    String platform = System.getProperty("curlew.smoke.platform");
    assertEquals(platform, Loader.getPlatform());
    String file = null;
    for (Map.Entry<String, String> e : Loader.getLoadedLibraries().entrySet()) {
      if (e.getValue() != null && e.getValue().endsWith("libjnicurlew.so")) {
        file = e.getValue();
      }
    }
    assertNotNull(file, "JavaCPP loaded no libjnicurlew.so: " + Loader.getLoadedLibraries());
    String expected = System.getProperty("curlew.smoke.library.sha256");
    if (expected != null) {
      assertEquals(expected, sha256(Files.readAllBytes(Path.of(file))), file);
    }
    String libc = mappedLibc();
    String expectedLibc = System.getProperty("curlew.smoke.libc");
    if (expectedLibc != null) {
      assertTrue(libc.contains(expectedLibc), "the C library in use is " + libc);
    }
    System.out.println("curlew smoke: " + platform + " " + System.getProperty("os.arch") + " "
        + Curl.version() + " from " + file + " on " + libc);
  }

  /** The C library file mapped into this process (its name carries glibc's version). */
  private static String mappedLibc() throws IOException {
    try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
      return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
          .filter(f -> f.matches(".*/libc[-.][^/]*so.*"))
          .findFirst().orElse("(libc not found in /proc/self/maps)");
    }
  }

  @Test
  void httpDownload() throws Exception {
    download(System.getProperty("curlew.smoke.http"), null);
  }

  @Test
  void httpsDownload() throws Exception {
    download(System.getProperty("curlew.smoke.https"), System.getProperty("curlew.smoke.ca"));
  }

  private static void download(String url, String ca) throws Exception {
    assertNotNull(url);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long[] count = new long[1];
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        digest.update((byte) b);
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        digest.update(b, off, len);
        count[0] += len;
      }
    };
    long start = System.nanoTime();
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(url).timeout(java.time.Duration.ofSeconds(60)).downloadTo(sink);
      if (ca != null) {
        easy.setOption(CurlOption.CAINFO, ca);
      }
      easy.perform();
      assertEquals(200, easy.responseCode(), url);
    }
    assertEquals(Long.parseLong(System.getProperty("curlew.smoke.size")), count[0], url);
    assertEquals(System.getProperty("curlew.smoke.sha256"), HexFormat.of().formatHex(digest.digest()),
        url);
    System.out.printf("curlew smoke: %s: 200, %d bytes, SHA-256 ok, %d ms%n", url, count[0],
        (System.nanoTime() - start) / 1_000_000);
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
