package io.curlew.raw;

/**
 * libcurl's {@code curl_read_callback}: CURLOPT_READFUNCTION, and a MIME part's read function
 * ({@link LibCurl#curl_mime_data_cb}).
 */
@FunctionalInterface
public interface curl_read_callback {
  /**
   * @param buffer where to put the data, valid during the call
   * @param size always 1
   * @param nitems room in bytes
   * @param instream the READDATA object (or the MIME part's argument)
   * @return bytes written, 0 at the end, {@code CURL_READFUNC_ABORT} or {@code CURL_READFUNC_PAUSE}
   */
  long call(CurlBuffer buffer, long size, long nitems, Object instream);
}
