package io.curlew.raw;

/**
 * libcurl's {@code curl_xferinfo_callback}: CURLOPT_XFERINFOFUNCTION (needs CURLOPT_NOPROGRESS 0).
 */
@FunctionalInterface
public interface curl_xferinfo_callback {
  /**
   * @param clientp the XFERINFODATA object
   * @param dltotal bytes expected to download, 0 when unknown
   * @param dlnow bytes downloaded
   * @param ultotal bytes expected to upload
   * @param ulnow bytes uploaded
   * @return 0 to go on; non-zero aborts with CURLE_ABORTED_BY_CALLBACK
   */
  int call(Object clientp, long dltotal, long dlnow, long ultotal, long ulnow);
}
