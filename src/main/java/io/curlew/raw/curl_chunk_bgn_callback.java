package io.curlew.raw;

/**
 * libcurl's {@code curl_chunk_bgn_callback}: CURLOPT_CHUNK_BGN_FUNCTION.
 */
@FunctionalInterface
public interface curl_chunk_bgn_callback {
  /**
   * @param transferInfo address of a {@code struct curl_fileinfo} (FTP wildcard matching)
   * @param ptr the CHUNK_DATA object
   * @param remains files left
   * @return CURL_CHUNK_BGN_FUNC_OK, _FAIL or _SKIP
   */
  long call(long transferInfo, Object ptr, int remains);
}
