package io.curlew.callback;

/**
 * Receives interleaved RTP data ({@code CURLOPT_INTERLEAVEFUNCTION}).
 */
@FunctionalInterface
public interface InterleaveCallback {
  /**
   * @param data the data, valid only during the call
   * @throws Exception to abort the transfer
   */
  void interleave(Chunk data) throws Exception;
}
