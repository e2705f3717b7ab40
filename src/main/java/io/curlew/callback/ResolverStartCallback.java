package io.curlew.callback;

/**
 * Called before each name resolve starts ({@code CURLOPT_RESOLVER_START_FUNCTION}).
 */
@FunctionalInterface
public interface ResolverStartCallback {
  /**
   * @return true to resolve, false to abort
   * @throws Exception to abort the transfer
   */
  boolean start() throws Exception;
}
