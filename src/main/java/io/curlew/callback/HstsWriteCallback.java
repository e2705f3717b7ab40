package io.curlew.callback;

/**
 * Receives the HSTS cache when libcurl saves it ({@code CURLOPT_HSTSWRITEFUNCTION}).
 */
@FunctionalInterface
public interface HstsWriteCallback {
  /**
   * @param entry one entry
   * @param index its index
   * @param total the number of entries
   * @throws Exception to stop
   */
  void write(HstsEntry entry, long index, long total) throws Exception;
}
