package io.curlew.callback;

/**
 * Configures the TLS library's context before the handshake ({@code CURLOPT_SSL_CTX_FUNCTION}).
 * The context is OpenSSL's {@code SSL_CTX*}, as an address, for native code of your own.
 */
@FunctionalInterface
public interface SslCtxCallback {
  /**
   * @param sslCtx the {@code SSL_CTX*}
   * @throws Exception to fail the transfer
   */
  void configure(long sslCtx) throws Exception;
}
