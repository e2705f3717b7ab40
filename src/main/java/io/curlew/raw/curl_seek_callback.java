package io.curlew.raw;

/**
 * libcurl's {@code curl_seek_callback}: CURLOPT_SEEKFUNCTION and a MIME part's seek function.
 */
@FunctionalInterface
public interface curl_seek_callback {
  /**
   * @param instream the SEEKDATA object
   * @param offset the offset
   * @param origin SEEK_SET (0), SEEK_CUR (1) or SEEK_END (2)
   * @return CURL_SEEKFUNC_OK, CURL_SEEKFUNC_FAIL or CURL_SEEKFUNC_CANTSEEK
   */
  int call(Object instream, long offset, int origin);
}
