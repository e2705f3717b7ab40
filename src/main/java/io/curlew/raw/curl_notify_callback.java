package io.curlew.raw;

/**
 * libcurl's {@code curl_notify_callback}: CURLMOPT_NOTIFYFUNCTION.
 */
@FunctionalInterface
public interface curl_notify_callback {
  /**
   * @param multi the multi handle
   * @param notification CURLMNOTIFY_INFO_READ or CURLMNOTIFY_EASY_DONE
   * @param easy the transfer, or null
   * @param userData the NOTIFYDATA object
   */
  void call(CURLM multi, int notification, CURL easy, Object userData);
}
