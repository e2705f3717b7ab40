package io.curlew.raw;

/**
 * libcurl's {@code curl_fnmatch_callback}: CURLOPT_FNMATCH_FUNCTION.
 */
@FunctionalInterface
public interface curl_fnmatch_callback {
  /**
   * @param ptr the FNMATCH_DATA object
   * @param pattern the wildcard pattern
   * @param string the name to match
   * @return CURL_FNMATCHFUNC_MATCH, _NOMATCH or _FAIL
   */
  int call(Object ptr, String pattern, String string);
}
