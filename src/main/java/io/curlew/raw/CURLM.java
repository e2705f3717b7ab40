package io.curlew.raw;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libcurl's {@code CURLM}: a multi handle, made by {@link LibCurl#curl_multi_init} and freed
 * by {@link LibCurl#curl_multi_cleanup}. While an easy handle is in it, the multi handle's
 * guard covers the easy handle too: the thread inside a multi call may use the easy handle
 * (from callbacks), other threads may not.
 */
public final class CURLM extends NativeHandle {

  final MultiDispatch dispatch;
  /** the easy handles added, by native context address */
  final Map<Long, CURL> easies = new LinkedHashMap<>();
  /** objects given to curl_multi_assign, by the id libcurl keeps */
  final Map<Long, Object> assigned = new LinkedHashMap<>();
  long nextAssignId = 1;
  /** orders curl_multi_wakeup (any thread) against the native free */
  final Object wakeLock = new Object();

  CURLM(long address) {
    super(address);
    this.dispatch = new MultiDispatch(this);
  }

  @Override
  String kind() {
    return "multi handle (CURLM)";
  }

  /** @return the native context address while open, 0 after cleanup */
  public long nativeAddress() {
    return address();
  }

  @Override
  public String toString() {
    return "CURLM@" + Long.toHexString(address());
  }
}
