package io.curlew.raw;

/**
 * libcurl's {@code CURLSH}: a share handle, made by {@link LibCurl#curl_share_init} and
 * freed by {@link LibCurl#curl_share_cleanup}. Its locking is done by native mutexes unless
 * the application sets its own lock functions.
 */
public final class CURLSH extends NativeHandle {

  final ShareDispatch dispatch = new ShareDispatch();

  CURLSH(long address) {
    super(address);
  }

  @Override
  String kind() {
    return "share handle (CURLSH)";
  }

  /** @return the native context address while open, 0 after cleanup */
  public long nativeAddress() {
    return address();
  }
}
