package io.curlew.tools;

import java.util.Arrays;

/**
 * C strings of the program as Java sees them: a literal's bytes, the part before its
 * first NUL (all that C passes on as a {@code char *}), and that part as Java text, which
 * must be UTF-8 since curlew hands Java strings to libcurl as UTF-8.
 */
final class CStrings {

  private CStrings() {
  }

  static byte[] literal(CExpr e, String where) {
    if (!(e instanceof CExpr.Str s)) {
      throw new ConversionException(e.line(), where + " takes a string literal here");
    }
    return s.bytes();
  }

  /** A C string as Java text: up to its first NUL, and it must be UTF-8. */
  static String cString(CExpr e, String where) {
    byte[] bytes = upToNul(literal(e, where));
    int bad = JavaLiterals.firstNonUtf8(bytes);
    if (bad >= 0) {
      throw new ConversionException(e.line(), where + ": the string holds the byte 0x"
          + String.format("%02X", bytes[bad] & 0xff) + " at offset " + bad + ", which is not"
          + " part of UTF-8 text. curlew hands Java strings to libcurl as UTF-8, so it cannot"
          + " pass these bytes as they are (only POSTFIELDS and MIME data take raw bytes)");
    }
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] upToNul(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return Arrays.copyOf(bytes, i);
      }
    }
    return bytes;
  }

}
