package io.curlew.raw;

/**
 * libcurl's {@code curl_free_callback} as a MIME part's free function: libcurl is done with the
 * part's data.
 */
@FunctionalInterface
public interface curl_free_callback {
  /**
   * @param ptr the part's argument object
   */
  void call(Object ptr);
}
