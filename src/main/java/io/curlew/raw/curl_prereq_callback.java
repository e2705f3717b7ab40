package io.curlew.raw;

/**
 * libcurl's {@code curl_prereq_callback}: CURLOPT_PREREQFUNCTION.
 */
@FunctionalInterface
public interface curl_prereq_callback {
  /**
   * @param clientp the PREREQDATA object
   * @param connPrimaryIp the server's address
   * @param connLocalIp the local address
   * @param connPrimaryPort the server's port
   * @param connLocalPort the local port
   * @return CURL_PREREQFUNC_OK, or CURL_PREREQFUNC_ABORT
   */
  int call(Object clientp, String connPrimaryIp, String connLocalIp, int connPrimaryPort,
      int connLocalPort);
}
