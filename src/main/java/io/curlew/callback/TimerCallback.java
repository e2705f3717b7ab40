package io.curlew.callback;

/**
 * Tells the application when to call {@code socketAction} with the timeout socket
 * ({@code CURLMOPT_TIMERFUNCTION}).
 */
@FunctionalInterface
public interface TimerCallback {
  /**
   * @param timeoutMs milliseconds from now; 0 means at once, -1 deletes the timer
   * @throws Exception fails the multi call
   */
  void timer(long timeoutMs) throws Exception;
}
