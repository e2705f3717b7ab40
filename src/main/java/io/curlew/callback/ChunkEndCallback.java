package io.curlew.callback;

/**
 * Called after each file of an FTP wildcard transfer ({@code CURLOPT_CHUNK_END_FUNCTION}).
 */
@FunctionalInterface
public interface ChunkEndCallback {
  /**
   * @return 0 to go on, 1 to stop
   * @throws Exception to stop
   */
  int end() throws Exception;
}
