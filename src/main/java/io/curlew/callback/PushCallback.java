package io.curlew.callback;

import java.util.List;

/**
 * Accepts or refuses an HTTP/2 server push ({@code CURLMOPT_PUSHFUNCTION}). An accepted
 * push is a new transfer in the multi handle; the application closes it when done.
 */
@FunctionalInterface
public interface PushCallback {
  /**
   * @param parent the transfer the push belongs to
   * @param pushed the new transfer
   * @param headers the push's headers ("name:value")
   * @return true to accept
   * @throws Exception refuses
   */
  boolean push(io.curlew.CurlEasy parent, io.curlew.CurlEasy pushed, List<String> headers)
      throws Exception;
}
