package io.curlew.callback;

/**
 * Feeds HSTS entries into libcurl's cache at start ({@code CURLOPT_HSTSREADFUNCTION}).
 */
@FunctionalInterface
public interface HstsReadCallback {
  /**
   * @return the next entry, or null when there are no more
   * @throws Exception to fail the transfer
   */
  HstsEntry next() throws Exception;
}
