package io.curlew.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Finds the CA certificates every new handle verifies TLS peers with. The bundled libcurl
 * has no compiled-in CA path (a path found on the build machine is wrong on others), so
 * curlew picks one at run time, once, in this order:
 * <ol>
 *   <li>the system property {@code curlew.ca.file} (a PEM bundle) or
 *       {@code curlew.ca.path} (a hashed directory);</li>
 *   <li>the environment variables {@code SSL_CERT_FILE} and {@code SSL_CERT_DIR};</li>
 *   <li>the first bundle that exists among the well-known paths of the major Linux
 *       distributions;</li>
 *   <li>the JVM's own trust store, converted to PEM and handed over as
 *       {@code CURLOPT_CAINFO_BLOB}.</li>
 * </ol>
 * When none of them yields a certificate, HTTPS fails with a TLS error that says so; there
 * is no silent fallback to unverified connections.
 */
public final class CaBundle {

  /** Well-known bundle files: Debian/Ubuntu/Alpine/Arch, RHEL/Fedora/Amazon, SUSE, others. */
  public static final List<String> WELL_KNOWN = List.of(
      "/etc/ssl/certs/ca-certificates.crt",
      "/etc/pki/tls/certs/ca-bundle.crt",
      "/etc/ssl/ca-bundle.pem",
      "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
      "/etc/ssl/cert.pem");

  /**
   * Where the CA certificates come from.
   *
   * @param file a PEM bundle for CURLOPT_CAINFO, or null
   * @param directory a hashed directory for CURLOPT_CAPATH, or null
   * @param blob PEM bytes for CURLOPT_CAINFO_BLOB, or null
   * @param origin how it was found, for messages
   * @param tried what was looked at, for messages
   */
  public record Source(String file, String directory, byte[] blob, String origin,
      List<String> tried) {

    /** @return whether any certificates were found */
    public boolean found() {
      return file != null || directory != null || blob != null;
    }
  }

  private static volatile Source source;

  private CaBundle() {
  }

  /** @return the CA source, found once per JVM */
  public static Source get() {
    Source s = source;
    if (s == null) {
      synchronized (CaBundle.class) {
        s = source;
        if (s == null) {
          s = find();
          source = s;
        }
      }
    }
    return s;
  }

  private static Source find() {
    List<String> tried = new ArrayList<>();
    String file = System.getProperty("curlew.ca.file");
    String dir = System.getProperty("curlew.ca.path");
    if (file != null || dir != null) {
      return new Source(file, dir, null, "system property curlew.ca.file/curlew.ca.path", tried);
    }
    file = System.getenv("SSL_CERT_FILE");
    dir = System.getenv("SSL_CERT_DIR");
    tried.add("SSL_CERT_FILE=" + file + ", SSL_CERT_DIR=" + dir);
    if ((file != null && Files.isReadable(Path.of(file)))
        || (dir != null && Files.isDirectory(Path.of(dir)))) {
      return new Source(file != null && Files.isReadable(Path.of(file)) ? file : null,
          dir != null && Files.isDirectory(Path.of(dir)) ? dir : null, null,
          "SSL_CERT_FILE/SSL_CERT_DIR", tried);
    }
    for (String candidate : WELL_KNOWN) {
      tried.add(candidate);
      if (Files.isReadable(Path.of(candidate))) {
        return new Source(candidate, null, null, "well-known path", tried);
      }
    }
    tried.add("the JVM trust store");
    byte[] pem = jvmTrustStorePem();
    if (pem != null && pem.length > 0) {
      return new Source(null, null, pem, "the JVM trust store", tried);
    }
    return new Source(null, null, null, "none", tried);
  }

  /** @return the JVM's default trusted CAs as one PEM bundle, or null */
  public static byte[] jvmTrustStorePem() {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            out.write("-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
            out.write(b64.encode(c.getEncoded()));
            out.write("\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
      }
      return out.toByteArray();
    } catch (Exception e) {
      return null;
    }
  }
}
