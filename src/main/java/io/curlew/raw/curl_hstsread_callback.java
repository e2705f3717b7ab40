package io.curlew.raw;

/**
 * libcurl's {@code curl_hstsread_callback}: CURLOPT_HSTSREADFUNCTION.
 */
@FunctionalInterface
public interface curl_hstsread_callback {
  /**
   * @param easy the handle
   * @param e fill in one entry's name, includeSubDomains and expire
   * @param userp the HSTSREADDATA object
   * @return CURLSTS_OK with an entry, CURLSTS_DONE when there are no more, CURLSTS_FAIL
   */
  int call(CURL easy, curl_hstsentry e, Object userp);
}
