package io.curlew.raw;

/**
 * libcurl's {@code curl_ssls_export_cb}: one TLS session, handed out by
 * {@link LibCurl#curl_easy_ssls_export}.
 */
@FunctionalInterface
public interface curl_ssls_export_cb {
  /**
   * @param curl the handle
   * @param userptr the object given to curl_easy_ssls_export
   * @param sessionKey the peer the session belongs to
   * @param shmac salted hash of the key
   * @param sdata the session data
   * @param validUntil expiry, epoch seconds
   * @param ietfTlsId the TLS version
   * @param alpn the negotiated ALPN, or null
   * @param earlydataMax allowed early data
   * @return CURLE_OK to go on
   */
  int call(CURL curl, Object userptr, String sessionKey, byte[] shmac, byte[] sdata,
      long validUntil, int ietfTlsId, String alpn, long earlydataMax);
}
