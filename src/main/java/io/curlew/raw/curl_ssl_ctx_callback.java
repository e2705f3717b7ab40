package io.curlew.raw;

/**
 * libcurl's {@code curl_ssl_ctx_callback}: CURLOPT_SSL_CTX_FUNCTION. The context is OpenSSL's
 * {@code SSL_CTX*}, as an address.
 */
@FunctionalInterface
public interface curl_ssl_ctx_callback {
  /**
   * @param curl the handle
   * @param sslctx the backend's context, as an address
   * @param userptr the SSL_CTX_DATA object
   * @return a CURLcode; CURLE_OK to go on
   */
  int call(CURL curl, long sslctx, Object userptr);
}
