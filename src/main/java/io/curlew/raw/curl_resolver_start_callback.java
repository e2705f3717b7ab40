package io.curlew.raw;

/**
 * libcurl's {@code curl_resolver_start_callback}: CURLOPT_RESOLVER_START_FUNCTION.
 */
@FunctionalInterface
public interface curl_resolver_start_callback {
  /**
   * @param resolverState the resolver's state, as an address
   * @param reserved always 0
   * @param userdata the RESOLVER_START_DATA object
   * @return 0 to go on; non-zero aborts the resolve
   */
  int call(long resolverState, long reserved, Object userdata);
}
