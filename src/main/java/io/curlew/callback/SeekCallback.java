package io.curlew.callback;

/**
 * Moves the request body's read position, so libcurl can resend it (redirects,
 * authentication retries) ({@code CURLOPT_SEEKFUNCTION}).
 */
@FunctionalInterface
public interface SeekCallback {
  /** Return value: done ({@code CURL_SEEKFUNC_OK}). */
  int OK = 0;
  /** Return value: fail the transfer ({@code CURL_SEEKFUNC_FAIL}). */
  int FAIL = 1;
  /** Return value: cannot seek; libcurl may read and skip instead ({@code CURL_SEEKFUNC_CANTSEEK}). */
  int CANT_SEEK = 2;

  /**
   * @param offset the offset
   * @param origin 0 from the start, 1 from the current position, 2 from the end
   * @return {@link #OK}, {@link #FAIL} or {@link #CANT_SEEK}
   * @throws Exception to fail the transfer
   */
  int seek(long offset, int origin) throws Exception;
}
