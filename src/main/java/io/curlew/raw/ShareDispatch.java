package io.curlew.raw;

import io.curlew.raw.jni.ShareUpcalls;

/** The Java end of a share handle whose lock functions were set from Java. */
final class ShareDispatch extends ShareUpcalls {

  curl_lock_function lock;
  curl_unlock_function unlock;
  Object userData;

  @Override
  public void onFailure(Throwable t) {
    CallbackFailures.record(t);
  }

  @Override
  public void onLock(long easy, int data, int access) {
    try {
      if (lock != null) {
        lock.call(LibCurlEasy.known(easy), data, access, userData);
      }
    } catch (Throwable t) {
      CallbackFailures.record(t);
    }
  }

  @Override
  public void onUnlock(long easy, int data) {
    try {
      if (unlock != null) {
        unlock.call(LibCurlEasy.known(easy), data, userData);
      }
    } catch (Throwable t) {
      CallbackFailures.record(t);
    }
  }
}
