package io.curlew.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA and a server certificate it signed, made fresh for the test run: the
 * server certificate names localhost and 127.0.0.1. Nothing here is trusted by default,
 * so a test that reaches the server over TLS proves the CA it handed libcurl was used.
 */
public final class TestCertificates {

  public static final char[] PASSWORD = "curlew".toCharArray();

  private static TestCertificates instance;

  public final X509Certificate ca;
  public final X509Certificate server;
  public final KeyStore serverKeyStore;
  public final Path caFile;
  public final byte[] caPem;

  private TestCertificates() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(256);
    KeyPair caKeys = kpg.generateKeyPair();
    KeyPair serverKeys = kpg.generateKeyPair();
    Date from = new Date(System.currentTimeMillis() - 3_600_000L);
    Date to = new Date(System.currentTimeMillis() + 7L * 24 * 3_600_000L);

    X500Name caName = new X500Name("CN=curlew test CA");
    JcaX509v3CertificateBuilder cab = new JcaX509v3CertificateBuilder(caName,
        BigInteger.valueOf(System.nanoTime()), from, to, caName, caKeys.getPublic());
    cab.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    cab.addExtension(Extension.keyUsage, true,
        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    ca = new JcaX509CertificateConverter().getCertificate(
        cab.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));

    JcaX509v3CertificateBuilder sb = new JcaX509v3CertificateBuilder(caName,
        BigInteger.valueOf(System.nanoTime() + 1), from, to, new X500Name("CN=localhost"),
        serverKeys.getPublic());
    sb.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    sb.addExtension(Extension.extendedKeyUsage, false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    sb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    server = new JcaX509CertificateConverter().getCertificate(
        sb.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));

    serverKeyStore = KeyStore.getInstance("PKCS12");
    serverKeyStore.load(null, null);
    serverKeyStore.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD,
        new Certificate[] {server, ca});

    caPem = pem(ca).getBytes(StandardCharsets.US_ASCII);
    caFile = Files.createTempFile("curlew-test-ca", ".pem");
    caFile.toFile().deleteOnExit();
    Files.write(caFile, caPem);
  }

  /** @return the certificates of this test run, made on first use */
  public static synchronized TestCertificates get() {
    if (instance == null) {
      try {
        instance = new TestCertificates();
      } catch (Exception e) {
        throw new IllegalStateException("cannot make test certificates", e);
      }
    }
    return instance;
  }

  /** @return a certificate as PEM */
  public static String pem(X509Certificate cert) {
    try {
      StringWriter w = new StringWriter();
      w.write("-----BEGIN CERTIFICATE-----\n");
      w.write(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded()));
      w.write("\n-----END CERTIFICATE-----\n");
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return a PEM file of another, unrelated self-signed CA (for negative tests) */
  public static Path unrelatedCaFile() throws IOException {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
      kpg.initialize(256);
      KeyPair k = kpg.generateKeyPair();
      X500Name n = new X500Name("CN=unrelated CA");
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(n, BigInteger.ONE,
          new Date(System.currentTimeMillis() - 3_600_000L),
          new Date(System.currentTimeMillis() + 3_600_000L), n, k.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate c = new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(k.getPrivate())));
      Path f = Files.createTempFile("curlew-unrelated-ca", ".pem");
      f.toFile().deleteOnExit();
      Files.writeString(f, pem(c));
      return f;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
