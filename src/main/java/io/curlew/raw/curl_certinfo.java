package io.curlew.raw;

/** libcurl's {@code struct curl_certinfo}: the certificate chain of a TLS transfer. */
public final class curl_certinfo {
  /** Number of certificates. */
  public final int num_of_certs;
  /** One list of "name:value" strings per certificate. */
  public final curl_slist[] certinfo;

  curl_certinfo(curl_slist[] certinfo) {
    this.num_of_certs = certinfo.length;
    this.certinfo = certinfo;
  }
}
