package io.curlew;

/**
 * {@code CURLINFO_TLS_SSL_PTR}: the TLS backend of a transfer and its native session
 * pointer (OpenSSL's {@code SSL*} here), for code that talks to the TLS library directly.
 *
 * @param backend a {@code curl_sslbackend} value ({@code CURLSSLBACKEND_OPENSSL} = 1)
 * @param pointer the backend's pointer as an address, 0 when there is none
 */
public record TlsSessionInfo(int backend, long pointer) {
}
