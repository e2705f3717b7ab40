package io.curlew.callback;

/**
 * Approves a request right before it is sent, once the connection is up
 * ({@code CURLOPT_PREREQFUNCTION}).
 */
@FunctionalInterface
public interface PrereqCallback {
  /**
   * @param primaryIp the server's address
   * @param localIp the local address
   * @param primaryPort the server's port
   * @param localPort the local port
   * @return true to send the request, false to abort (CURLE_ABORTED_BY_CALLBACK)
   * @throws Exception to abort the transfer
   */
  boolean approve(String primaryIp, String localIp, int primaryPort, int localPort)
      throws Exception;
}
