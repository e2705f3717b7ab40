package io.curlew.callback;

/**
 * Matches file names in FTP wildcard transfers ({@code CURLOPT_FNMATCH_FUNCTION}).
 */
@FunctionalInterface
public interface FnmatchCallback {
  /**
   * @param pattern the wildcard pattern
   * @param name the file name
   * @return true when the name matches
   * @throws Exception to fail the transfer
   */
  boolean matches(String pattern, String name) throws Exception;
}
