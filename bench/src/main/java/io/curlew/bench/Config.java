package io.curlew.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Command line of one benchmark process. */
final class Config {
  String client;
  String workload = "?";
  /** small: read each body into memory; bulk: stream it to a discarding sink */
  String mode = "small";
  String url;
  long n = 1000;
  int k = 1;
  int iters = 5;
  int warmup = 1;
  long warmupN = -1;
  /** transfers in flight during warm-up; default min(k, warm-up transfers) */
  int warmupK = -1;
  boolean h2;
  String cafile;
  /** the URL of the warm-up rounds (W4: a short hold); default --url */
  String warmupUrl;

  static Config parse(String[] a) {
    Config c = new Config();
    for (int i = 0; i < a.length; i++) {
      String v = i + 1 < a.length ? a[i + 1] : null;
      switch (a[i]) {
        case "--h2" -> { c.h2 = true; continue; }
        case "--client" -> c.client = v;
        case "--workload" -> c.workload = v;
        case "--mode" -> c.mode = v;
        case "--url" -> c.url = v;
        case "--n" -> c.n = Long.parseLong(v);
        case "--k" -> c.k = Integer.parseInt(v);
        case "--iters" -> c.iters = Integer.parseInt(v);
        case "--warmup" -> c.warmup = Integer.parseInt(v);
        case "--warmup-n" -> c.warmupN = Long.parseLong(v);
        case "--warmup-k" -> c.warmupK = Integer.parseInt(v);
        case "--cafile" -> c.cafile = v;
        case "--warmup-url" -> c.warmupUrl = v;
        default -> throw new IllegalArgumentException("unknown option " + a[i]);
      }
      i++;
    }
    if (c.client == null || c.url == null) {
      throw new IllegalArgumentException("--client and --url are required");
    }
    if (c.warmupUrl == null) {
      c.warmupUrl = c.url;
    }
    return c;
  }

  boolean bulk() {
    return mode.equals("bulk");
  }

  private SSLContext ssl;
  private X509TrustManager tm;

  /** An SSLContext trusting the benchmark's self-signed certificate (or the JDK's CAs). */
  synchronized SSLContext sslContext() throws Exception {
    if (ssl == null) {
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(
          TrustManagerFactory.getDefaultAlgorithm());
      if (cafile != null) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(cafile))) {
          int i = 0;
          for (Certificate cert : CertificateFactory.getInstance("X.509")
              .generateCertificates(in)) {
            ks.setCertificateEntry("bench" + i++, (X509Certificate) cert);
          }
        }
        tmf.init(ks);
      } else {
        tmf.init((KeyStore) null);
      }
      tm = (X509TrustManager) tmf.getTrustManagers()[0];
      ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
    }
    return ssl;
  }

  X509TrustManager trustManager() throws Exception {
    sslContext();
    return tm;
  }
}
