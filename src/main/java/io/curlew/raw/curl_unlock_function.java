package io.curlew.raw;

/**
 * libcurl's {@code curl_unlock_function}: CURLSHOPT_UNLOCKFUNC.
 */
@FunctionalInterface
public interface curl_unlock_function {
  /**
   * @param handle the transfer, or null
   * @param data the curl_lock_data to unlock
   * @param userptr the USERDATA object
   */
  void call(CURL handle, int data, Object userptr);
}
