package io.curlew.callback;

/**
 * Receives libcurl's verbose output ({@code CURLOPT_DEBUGFUNCTION}, with
 * {@code CURLOPT_VERBOSE} on). Without one, curlew logs it to System.Logger
 * {@code io.curlew.wire} with credentials redacted; this callback gets it unredacted.
 */
@FunctionalInterface
public interface DebugCallback {
  /**
   * @param type what the data is
   * @param data the data, valid only during the call
   * @throws Exception to abort the transfer
   */
  void debug(InfoType type, Chunk data) throws Exception;
}
