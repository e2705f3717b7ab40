package io.curlew.raw;

/** libcurl's {@code struct curl_tlssessioninfo}. */
public final class curl_tlssessioninfo {
  /** A curl_sslbackend value (CURLSSLBACKEND_OPENSSL here). */
  public final int backend;
  /** The backend's pointer (OpenSSL's SSL* for TLS_SSL_PTR), as an address. */
  public final long internals;

  curl_tlssessioninfo(int backend, long internals) {
    this.backend = backend;
    this.internals = internals;
  }
}
