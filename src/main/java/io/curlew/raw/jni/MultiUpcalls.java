package io.curlew.raw.jni;

/**
 * What curlew's C trampolines call for a multi handle. Easy handles arrive as their
 * curlew context address, 0 for a handle libcurl made itself (connection shutdowns, DoH).
 * The socket callback may still fire while {@code curl_multi_cleanup} runs.
 */
public abstract class MultiUpcalls {

  /** For subclasses. */
  protected MultiUpcalls() {
  }

  /**
   * CURLMOPT_SOCKETFUNCTION.
   *
   * @param easy curlew context of the easy handle, or 0
   * @param fd the socket
   * @param what CURL_POLL_*
   * @param socketp the value given to curl_multi_assign
   * @return 0, or -1 to fail
   */
  public int onSocket(long easy, int fd, int what, long socketp) {
    return 0;
  }

  /**
   * CURLMOPT_TIMERFUNCTION.
   * @param timeoutMs -1 to delete the timer
   * @return 0, or -1 to fail
   */
  public int onTimer(long timeoutMs) {
    return 0;
  }

  /**
   * CURLMOPT_PUSHFUNCTION.
   *
   * @param parent curlew context of the parent transfer, or 0
   * @param child curlew context made for the pushed transfer
   * @param numHeaders number of push headers
   * @param headers struct curl_pushheaders*
   * @return CURL_PUSH_*
   */
  public int onPush(long parent, long child, long numHeaders, long headers) {
    return 1; // CURL_PUSH_DENY
  }

  /**
   * CURLMOPT_NOTIFYFUNCTION.
   * @param notification CURLMNOTIFY_*
   * @param easy context or 0
   */
  public void onNotify(int notification, long easy) {
  }

  /** @param t a throwable that escaped one of the methods above */
  public void onFailure(Throwable t) {
  }
}
