package io.curlew.tools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Java source literals: strings (escaped so that the source stays ASCII and no
 * {@code \}{@code u} escape can end a literal early) and byte arrays (as a string literal
 * turned into bytes). Long literals are split into pieces joined with {@code +}, one piece
 * per line, never inside an escape.
 */
public final class JavaLiterals {

  /** Most characters of literal text on one line. */
  static final int PIECE = 72;

  private JavaLiterals() {
  }

  /**
   * @param bytes bytes
   * @return them as text when they are well-formed UTF-8, else null
   */
  public static String utf8OrNull(byte[] bytes) {
    return firstNonUtf8(bytes) < 0 ? new String(bytes, StandardCharsets.UTF_8) : null;
  }

  /**
   * @param bytes bytes
   * @return the offset of the first byte that is not part of well-formed UTF-8, or -1
   */
  public static int firstNonUtf8(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int c = bytes[i] & 0xff;
      int more;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xc2 && c <= 0xdf) {
        more = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        more = 2;
      } else if (c >= 0xf0 && c <= 0xf4) {
        more = 3;
      } else {
        return i;
      }
      if (i + more >= bytes.length) {
        return i;
      }
      int cp = c & (0x3f >> more);
      for (int k = 1; k <= more; k++) {
        int d = bytes[i + k] & 0xff;
        if ((d & 0xc0) != 0x80) {
          return i;
        }
        cp = cp << 6 | (d & 0x3f);
      }
      if ((more == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)))
          || (more == 3 && (cp < 0x10000 || cp > 0x10ffff))) {
        return i;
      }
      i += more + 1;
    }
    return -1;
  }

  /**
   * @param s text
   * @return a Java string literal for it, split into {@code "..." +} pieces on separate
   *     lines when long (the caller indents the lines after the first)
   */
  public static String string(String s) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      String e = escape(s.charAt(i), i + 1 < s.length() ? s.charAt(i + 1) : 0);
      if (piece.length() + e.length() > PIECE && piece.length() > 0) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
      piece.append(e);
      if (s.charAt(i) == '\n' && i + 1 < s.length() && s.length() > PIECE) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
    }
    pieces.add(piece.toString());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      out.append(i == 0 ? "" : " +\n").append('"').append(pieces.get(i)).append('"');
    }
    return out.toString();
  }

  /**
   * @param bytes bytes
   * @return a Java expression of type {@code byte[]} holding them: a string literal and
   *     {@code getBytes(StandardCharsets.UTF_8)} when they are UTF-8 text, else
   *     {@code ISO_8859_1}, which maps the characters U+0000..U+00FF to the bytes 0..255
   */
  public static String bytes(byte[] bytes) {
    String text = utf8OrNull(bytes);
    String charset = "UTF_8";
    if (text == null) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
      charset = "ISO_8859_1";
    }
    String literal = string(text);
    if (literal.indexOf('\n') >= 0) {
      literal = "(" + literal + ")";
    }
    return literal + ".getBytes(StandardCharsets." + charset + ")";
  }

  /** One character as Java literal text; next is the character after it, or 0. */
  private static String escape(char c, char next) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      default:
        break;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0xff)) {
      // octal escapes of three digits never take the next character along
      return String.format("\\%03o", (int) c);
    }
    if (c >= 0x80) {
      return String.format("\\u%04x", (int) c);
    }
    return String.valueOf(c);
  }
}
