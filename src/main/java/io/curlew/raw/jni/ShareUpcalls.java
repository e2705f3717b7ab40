package io.curlew.raw.jni;

/**
 * What curlew's C trampolines call for a share handle whose locking was switched to Java
 * (ports of programs with their own {@code curl_lock_function}). The default locking is
 * native and makes no upcall.
 */
public abstract class ShareUpcalls {

  /** For subclasses. */
  protected ShareUpcalls() {
  }

  /**
   * CURLSHOPT_LOCKFUNC.
   *
   * @param easy curlew context of the easy handle, or 0
   * @param data curl_lock_data
   * @param access curl_lock_access
   */
  public void onLock(long easy, int data, int access) {
  }

  /**
   * CURLSHOPT_UNLOCKFUNC.
   * @param easy context or 0
   * @param data curl_lock_data
   */
  public void onUnlock(long easy, int data) {
  }

  /** @param t a throwable that escaped one of the methods above */
  public void onFailure(Throwable t) {
  }
}
