package io.curlew.callback;

/**
 * Supplies the request body ({@code CURLOPT_READFUNCTION}).
 */
@FunctionalInterface
public interface ReadCallback {
  /** Return value: stop the transfer ({@code CURL_READFUNC_ABORT}). */
  int ABORT = -1;
  /** Return value: pause sending ({@code CURL_READFUNC_PAUSE}). */
  int PAUSE = -2;

  /**
   * @param buffer fill it from position 0 with {@link Chunk#put}; it holds {@link Chunk#length()} bytes
   * @return the number of bytes written, 0 at the end of the data, {@link #ABORT} or {@link #PAUSE}
   * @throws Exception to abort the transfer
   */
  int read(Chunk buffer) throws Exception;
}
