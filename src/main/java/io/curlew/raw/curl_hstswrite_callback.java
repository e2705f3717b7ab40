package io.curlew.raw;

/**
 * libcurl's {@code curl_hstswrite_callback}: CURLOPT_HSTSWRITEFUNCTION.
 */
@FunctionalInterface
public interface curl_hstswrite_callback {
  /**
   * @param easy the handle
   * @param e one entry of the cache
   * @param i its index and the total
   * @param userp the HSTSWRITEDATA object
   * @return CURLSTS_OK, CURLSTS_DONE or CURLSTS_FAIL
   */
  int call(CURL easy, curl_hstsentry e, curl_index i, Object userp);
}
