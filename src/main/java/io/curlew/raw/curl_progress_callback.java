package io.curlew.raw;

/**
 * libcurl's deprecated {@code curl_progress_callback}: CURLOPT_PROGRESSFUNCTION.
 */
@FunctionalInterface
public interface curl_progress_callback {
  /**
   * @param clientp the PROGRESSDATA object
   * @param dltotal bytes expected to download
   * @param dlnow bytes downloaded
   * @param ultotal bytes expected to upload
   * @param ulnow bytes uploaded
   * @return 0 to go on; non-zero aborts
   */
  int call(Object clientp, double dltotal, double dlnow, double ultotal, double ulnow);
}
