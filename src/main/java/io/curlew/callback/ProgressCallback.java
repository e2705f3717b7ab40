package io.curlew.callback;

/**
 * Reports transfer progress ({@code CURLOPT_XFERINFOFUNCTION}), about once a second and
 * whenever data moves. Setting it turns {@code CURLOPT_NOPROGRESS} off.
 */
@FunctionalInterface
public interface ProgressCallback {
  /**
   * @param downloadTotal bytes expected to download, 0 when unknown
   * @param downloaded bytes downloaded
   * @param uploadTotal bytes expected to upload, 0 when unknown
   * @param uploaded bytes uploaded
   * @return true to go on, false to abort the transfer (CURLE_ABORTED_BY_CALLBACK)
   * @throws Exception to abort the transfer
   */
  boolean progress(long downloadTotal, long downloaded, long uploadTotal, long uploaded)
      throws Exception;
}
