package io.curlew.raw;

/**
 * libcurl's {@code curl_write_callback}: CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION and
 * CURLOPT_INTERLEAVEFUNCTION. Without a write function the body goes to the WRITEDATA
 * {@link java.io.OutputStream}, or to {@code System.out}, as C writes it to stdout.
 */
@FunctionalInterface
public interface curl_write_callback {
  /**
   * @param buffer the data, valid during the call
   * @param size always 1
   * @param nitems number of bytes
   * @param userdata the WRITEDATA (HEADERDATA, INTERLEAVEDATA) object
   * @return the number of bytes taken; anything else fails the transfer, or
   *     {@code CURL_WRITEFUNC_PAUSE} / {@code CURL_WRITEFUNC_ERROR}
   */
  long call(CurlBuffer buffer, long size, long nitems, Object userdata);
}
