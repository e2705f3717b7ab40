package io.curlew.raw;

/**
 * libcurl's {@code CURL}: an easy handle, made by {@link LibCurl#curl_easy_init} and freed
 * by {@link LibCurl#curl_easy_cleanup}. Using it after cleanup, from two threads at once,
 * or freeing it from inside its own callback is an {@link IllegalStateException}, never a
 * crash.
 */
public final class CURL extends NativeHandle {

  EasyDispatch dispatch;
  /** the values libcurl points at but does not own, kept for detaching */
  CURLU url;
  curl_mime mime;
  /** the callback sources of a MIME post libcurl copied into this handle (duphandle) */
  long[] mimeCopySources;
  CURLSH share;
  /** the multi handle this transfer is in, or null */
  CURLM multi;
  /** CURLOPT_PRIVATE */
  Object privateData;
  /** CURLOPT_ERRORBUFFER of a port: filled from curlew's own buffer after each call */
  byte[] errorBuffer;

  CURL(long address) {
    super(address);
    this.dispatch = new EasyDispatch(this);
  }

  void dispatchOverride(EasyDispatch d) {
    dispatch = d;
  }

  @Override
  String kind() {
    return "easy handle (CURL)";
  }

  /**
   * @return the native context address while the handle is open, 0 after cleanup (for
   *     diagnostics; curlew's own classes use it)
   */
  public long nativeAddress() {
    return address();
  }

  /**
   * @return the Throwable the last callback failure on this handle left, cleared by
   *     reading; curlew's engine uses it to fail a transfer's future
   */
  public Throwable takeCallbackFailure() {
    Throwable t = dispatch.failure;
    dispatch.failure = null;
    return t;
  }

  @Override
  public String toString() {
    return "CURL@" + Long.toHexString(address());
  }
}
