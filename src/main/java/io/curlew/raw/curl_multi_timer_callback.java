package io.curlew.raw;

/**
 * libcurl's {@code curl_multi_timer_callback}: CURLMOPT_TIMERFUNCTION.
 */
@FunctionalInterface
public interface curl_multi_timer_callback {
  /**
   * @param multi the multi handle
   * @param timeoutMs when to call curl_multi_socket_action with CURL_SOCKET_TIMEOUT; -1 deletes the timer
   * @param userp the TIMERDATA object
   * @return 0; -1 makes libcurl fail the call
   */
  int call(CURLM multi, long timeoutMs, Object userp);
}
