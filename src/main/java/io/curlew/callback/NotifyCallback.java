package io.curlew.callback;

/**
 * Receives multi-handle notifications ({@code CURLMOPT_NOTIFYFUNCTION}), enabled with
 * {@code CurlMulti.notifyEnable}.
 */
@FunctionalInterface
public interface NotifyCallback {
  /**
   * @param notification CURLMNOTIFY_INFO_READ (0) or CURLMNOTIFY_EASY_DONE (1)
   * @param easy the transfer, or null
   * @throws Exception reported by the multi call
   */
  void notify(int notification, io.curlew.CurlEasy easy) throws Exception;
}
