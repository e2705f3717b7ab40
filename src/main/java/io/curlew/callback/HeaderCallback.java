package io.curlew.callback;

/**
 * Receives each response header line, status line and blank line included
 * ({@code CURLOPT_HEADERFUNCTION}). Not needed to read headers: {@code CurlEasy.header(name)}
 * reads them after the transfer, without a call per line.
 */
@FunctionalInterface
public interface HeaderCallback {
  /**
   * @param line the header line with its CRLF, valid only during the call
   * @throws Exception to abort the transfer
   */
  void header(Chunk line) throws Exception;
}
