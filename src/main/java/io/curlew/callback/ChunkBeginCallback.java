package io.curlew.callback;

/**
 * Called before each file of an FTP wildcard transfer ({@code CURLOPT_CHUNK_BGN_FUNCTION}).
 */
@FunctionalInterface
public interface ChunkBeginCallback {
  /** Return value: transfer this file. */
  int OK = 0;
  /** Return value: stop. */
  int FAIL = 1;
  /** Return value: skip this file. */
  int SKIP = 2;

  /**
   * @param fileInfo address of libcurl's {@code struct curl_fileinfo}
   * @param remains files left
   * @return {@link #OK}, {@link #FAIL} or {@link #SKIP}
   * @throws Exception to stop
   */
  int begin(long fileInfo, int remains) throws Exception;
}
