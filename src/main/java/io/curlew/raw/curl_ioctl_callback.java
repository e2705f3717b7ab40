package io.curlew.raw;

/**
 * libcurl's deprecated {@code curl_ioctl_callback}: CURLOPT_IOCTLFUNCTION.
 */
@FunctionalInterface
public interface curl_ioctl_callback {
  /**
   * @param handle the handle
   * @param cmd a curliocmd
   * @param clientp the IOCTLDATA object
   * @return a curlioerr
   */
  int call(CURL handle, int cmd, Object clientp);
}
