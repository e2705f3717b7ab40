package io.curlew.callback;

/**
 * Receives the response body, chunk by chunk ({@code CURLOPT_WRITEFUNCTION}). One call per chunk
 * libcurl receives; nothing is allocated per call. A callback that throws aborts the
 * transfer, and the exception comes out of the call that drove it.
 */
@FunctionalInterface
public interface WriteCallback {
  /** Return value: the chunk was consumed. */
  int CONTINUE = 0;
  /** Return value: pause receiving; this chunk is delivered again when the transfer resumes. */
  int PAUSE = 1;

  /**
   * @param data the chunk, valid only during the call
   * @return {@link #CONTINUE} or {@link #PAUSE}
   * @throws Exception to abort the transfer
   */
  int write(Chunk data) throws Exception;
}
