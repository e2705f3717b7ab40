package io.curlew.raw;

/**
 * libcurl's {@code curl_trailer_callback}: CURLOPT_TRAILERFUNCTION.
 */
@FunctionalInterface
public interface curl_trailer_callback {
  /**
   * @param list put the trailers into {@code list[0]} (it starts as null)
   * @param userdata the TRAILERDATA object
   * @return CURL_TRAILERFUNC_OK or CURL_TRAILERFUNC_ABORT
   */
  int call(curl_slist[] list, Object userdata);
}
