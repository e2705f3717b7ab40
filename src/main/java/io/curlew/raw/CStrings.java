package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Java strings to and from C strings (UTF-8, NUL-terminated). */
final class CStrings {

  private CStrings() {
  }

  /**
   * @param s a string, or null
   * @return its UTF-8 bytes with a terminating NUL, or null
   * @throws IllegalArgumentException when the string contains NUL, which C would cut it at
   */
  static byte[] of(String s) {
    if (s == null) {
      return null;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] c = new byte[utf8.length + 1];
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == 0) {
        throw new IllegalArgumentException("a string passed to libcurl must not contain NUL "
            + "(at byte " + i + "); C would silently cut it there");
      }
      c[i] = utf8[i];
    }
    return c;
  }

  /** @return the strings one after the other, each NUL-terminated, for an slist shim */
  static byte[] packed(List<String> strings) {
    int n = 0;
    byte[][] parts = new byte[strings.size()][];
    for (int i = 0; i < parts.length; i++) {
      String s = strings.get(i);
      if (s == null) {
        throw new IllegalArgumentException("a list passed to libcurl must not contain null");
      }
      parts[i] = of(s);
      n += parts[i].length;
    }
    byte[] out = new byte[Math.max(n, 1)];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** @return the C string at the address, or null for address 0 */
  static String at(long address) {
    if (address == 0) {
      return null;
    }
    int len = (int) CurlewNative.curlew_strlen(address);
    if (len == 0) {
      return "";
    }
    byte[] b = new byte[len];
    CurlewNative.curlew_copy_out(address, b, 0, len);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** @return the C string at the address, then curl_free()s it; null for 0 */
  static String takeCurlString(long address) {
    if (address == 0) {
      return null;
    }
    try {
      return at(address);
    } finally {
      CurlewNative.curl_free(address);
    }
  }

  /** @return len bytes copied from native memory */
  static byte[] bytesAt(long address, long len) {
    if (len < 0 || len > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("length out of range: " + len);
    }
    byte[] b = new byte[(int) len];
    if (address != 0 && len > 0) {
      CurlewNative.curlew_copy_out(address, b, 0, len);
    }
    return b;
  }
}
