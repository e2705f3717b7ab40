package io.curlew.raw;

/**
 * libcurl's {@code curl_chunk_end_callback}: CURLOPT_CHUNK_END_FUNCTION.
 */
@FunctionalInterface
public interface curl_chunk_end_callback {
  /**
   * @param ptr the CHUNK_DATA object
   * @return CURL_CHUNK_END_FUNC_OK or _FAIL
   */
  long call(Object ptr);
}
