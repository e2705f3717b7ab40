package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/**
 * C's {@code fd_set}, for {@link LibCurl#curl_multi_fdset} and {@link LibCurl#select}. Use
 * {@link LibCurl#FD_ZERO}, {@link LibCurl#FD_SET} and {@link LibCurl#FD_ISSET}.
 */
public final class fd_set {
  final byte[] bits = new byte[CurlewNative.curlew_fdset_bytes()];

  /** An empty set. */
  public fd_set() {
  }

  boolean isSet(int fd) {
    return fd >= 0 && fd / 8 < bits.length && (bits[fd / 8] & (1 << (fd % 8))) != 0;
  }

  void set(int fd) {
    if (fd < 0 || fd / 8 >= bits.length) {
      throw new IllegalArgumentException("descriptor " + fd + " does not fit an fd_set");
    }
    bits[fd / 8] |= (byte) (1 << (fd % 8));
  }

  void clear() {
    java.util.Arrays.fill(bits, (byte) 0);
  }
}
