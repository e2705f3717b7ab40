package io.curlew.raw;

/**
 * libcurl's {@code curl_lock_function}: CURLSHOPT_LOCKFUNC. Setting one switches the share
 * handle from curlew's native mutexes to calls into Java.
 */
@FunctionalInterface
public interface curl_lock_function {
  /**
   * @param handle the transfer, or null
   * @param data the curl_lock_data to lock
   * @param locktype CURL_LOCK_ACCESS_SHARED or _SINGLE
   * @param userptr the USERDATA object
   */
  void call(CURL handle, int data, int locktype, Object userptr);
}
