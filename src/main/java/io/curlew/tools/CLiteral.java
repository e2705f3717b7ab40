package io.curlew.tools;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes C literals the way a C compiler for a UTF-8 target reads them: the body of a
 * string literal into its bytes, and integer constants into their value.
 *
 * <p>String escapes: the simple ones ({@code \a \b \f \n \r \t \v \\ \' \" \?}), octal
 * ({@code \o}, {@code \oo}, {@code \ooo}: at most three digits, so {@code "\0001"} is NUL
 * then {@code '1'}), hexadecimal ({@code \x} and as many hex digits as follow, so
 * {@code "\x411"} is one too-large value, an error, where C compilers also refuse it) and
 * universal character names (backslash-u and four hex digits, backslash-U and eight,
 * written as UTF-8). Bytes
 * that are not escaped are taken as they are in the source (UTF-8 for non-ASCII source
 * text). Adjacent literals ({@code "ab" "cd"}) are joined by the parser, not here.
 *
 * <p>Integer constants: decimal, octal ({@code 0} prefix), hexadecimal ({@code 0x}) and
 * binary ({@code 0b}), with any of the suffixes {@code u}, {@code l}, {@code ll} in either
 * case and order; the value must fit in 64 bits (unsigned constants above
 * {@link Long#MAX_VALUE} wrap, as they do when C converts them to {@code long}).
 */
public final class CLiteral {

  private CLiteral() {
  }

  /** A literal C does not accept, with the offset in the literal's text where it fails. */
  public static final class Malformed extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** offset in the decoded text where the problem starts */
    public final int offset;

    Malformed(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  /**
   * Decodes the text between the quotes of one C string literal.
   *
   * @param body the characters between the opening and the closing quote, escapes as
   *     written; characters above U+007F stand for their UTF-8 bytes
   * @return the bytes the literal holds, without C's terminating NUL
   * @throws Malformed for an unknown escape, an escape without digits, an octal or hex
   *     value above 0xFF, an invalid universal character name, or an unescaped quote or
   *     newline
   */
  public static byte[] decodeString(String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    int i = 0;
    int n = body.length();
    while (i < n) {
      char c = body.charAt(i);
      if (c == '"' || c == '\n' || c == '\r') {
        throw new Malformed((c == '"' ? "an unescaped quote" : "a newline")
            + " inside a string literal", i);
      }
      if (c != '\\') {
        int cp = body.codePointAt(i);
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      if (i + 1 >= n) {
        throw new Malformed("a backslash at the end of a string literal", start);
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.write(0x07);
        case 'b' -> out.write(0x08);
        case 'f' -> out.write(0x0c);
        case 'n' -> out.write(0x0a);
        case 'r' -> out.write(0x0d);
        case 't' -> out.write(0x09);
        case 'v' -> out.write(0x0b);
        case '\\', '\'', '"', '?' -> out.write(e);
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int value = e - '0';
          int digits = 1;
          while (digits < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
            value = value * 8 + (body.charAt(i) - '0');
            i++;
            digits++;
          }
          if (value > 0xff) {
            throw new Malformed("octal escape \\" + body.substring(start + 1, i)
                + " is above \\377, more than a byte", start);
          }
          out.write(value);
        }
        case 'x' -> {
          int from = i;
          long value = 0;
          while (i < n && Character.digit(body.charAt(i), 16) >= 0) {
            value = value * 16 + Character.digit(body.charAt(i), 16);
            i++;
            if (value > 0xff) {
              throw new Malformed("hex escape \\x" + body.substring(from, i)
                  + "... is above \\xff, more than a byte (a hex escape takes every hex "
                  + "digit that follows it)", start);
            }
          }
          if (i == from) {
            throw new Malformed("\\x without hex digits", start);
          }
          out.write((int) value);
        }
        case 'u', 'U' -> {
          int len = e == 'u' ? 4 : 8;
          if (i + len > n) {
            throw new Malformed("\\" + e + " needs " + len + " hex digits", start);
          }
          int cp;
          try {
            cp = Integer.parseUnsignedInt(body.substring(i, i + len), 16);
          } catch (NumberFormatException ex) {
            throw new Malformed("\\" + e + " needs " + len + " hex digits", start);
          }
          if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            throw new Malformed("\\" + e + body.substring(i, i + len)
                + " is not a Unicode scalar value", start);
          }
          i += len;
          byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
          out.write(utf8, 0, utf8.length);
        }
        default -> throw new Malformed("unknown escape \\" + e, start);
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes one C integer constant.
   *
   * @param token the constant as written, for example {@code 102400L}, {@code 64UL},
   *     {@code 0x1f}, {@code 0755}
   * @return its value
   * @throws Malformed for anything else, or a value that needs more than 64 bits
   */
  public static long decodeInteger(String token) {
    String t = token;
    int end = t.length();
    while (end > 0 && "uUlL".indexOf(t.charAt(end - 1)) >= 0) {
      end--;
    }
    String suffix = t.substring(end).toLowerCase(java.util.Locale.ROOT);
    if (!suffix.matches("|u|l|ul|lu|ll|ull|llu") || t.substring(end).matches(".*(lL|Ll).*")) {
      throw new Malformed("integer suffix " + t.substring(end) + " is not C's", end);
    }
    String digits = t.substring(0, end);
    int radix = 10;
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      throw new Malformed("integer constant " + token + " has no digits", 0);
    }
    try {
      return Long.parseUnsignedLong(digits, radix);
    } catch (NumberFormatException e) {
      throw new Malformed("integer constant " + token + " is not a valid "
          + (radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : radix == 2 ? "binary"
          : "decimal") + " number of at most 64 bits", 0);
    }
  }
}
