package io.curlew.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits C source into {@link CToken}s, for the small subset of C that curl's
 * {@code --libcurl} writes (and hand-edited variants of it).
 *
 * <p>As a C compiler does first, a backslash at the end of a line joins it with the next
 * (the tool writes {@code curl_mime_data_cb(..., \} on one line and the rest on the next),
 * so tokens and even string literals may continue across such lines; every token keeps
 * the line it starts on. Comments become {@link CToken.Kind#COMMENT} tokens (the parser
 * keeps them for the Java output), and lines starting with {@code #} become one
 * {@link CToken.Kind#DIRECTIVE} token each. Floating constants and unterminated literals
 * or comments are refused with the line.
 */
public final class CLexer {

  private static final String[] PUNCTUATORS = {"...", "<<=", ">>=", "->", "++", "--", "<<",
      ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=",
      "##", "{", "}", "[", "]", "(", ")", ";", ",", "=", "*", "&", "|", "^", "~", "!", "+",
      "-", "/", "%", "<", ">", "?", ":", ".", "#"};

  private final char[] src;
  private final int[] lineOf;
  private int pos;
  private final List<CToken> tokens = new ArrayList<>();

  private CLexer(String source) {
    // translation phase 2: drop backslash-newline pairs, remembering each char's line
    StringBuilder b = new StringBuilder(source.length());
    int[] lines = new int[source.length() + 1];
    int line = 1;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        int j = i + 1;
        if (j < source.length() && source.charAt(j) == '\r') {
          j++;
        }
        if (j < source.length() && source.charAt(j) == '\n') {
          i = j;
          line++;
          continue;
        }
      }
      lines[b.length()] = line;
      b.append(c);
      if (c == '\n') {
        line++;
      }
    }
    lines[b.length()] = line;
    this.src = b.toString().toCharArray();
    this.lineOf = lines;
  }

  /**
   * @param source C source text
   * @return its tokens, ending with one {@link CToken.Kind#EOF}
   * @throws ConversionException for text that is not a C token
   */
  public static List<CToken> tokenize(String source) {
    CLexer lexer = new CLexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    boolean lineStart = true;
    while (pos < src.length) {
      char c = src[pos];
      if (c == '\n') {
        lineStart = true;
        pos++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
        pos++;
        continue;
      }
      int start = pos;
      int line = lineOf[start];
      if (c == '#' && lineStart) {
        while (pos < src.length && src[pos] != '\n') {
          pos++;
        }
        add(CToken.Kind.DIRECTIVE, new String(src, start, pos - start).trim(), line, "");
        continue;
      }
      lineStart = false;
      if (c == '/' && peek(1) == '*') {
        int end = indexOf("*/", pos + 2);
        if (end < 0) {
          throw new ConversionException(line, "a comment that is never closed");
        }
        add(CToken.Kind.COMMENT, new String(src, pos + 2, end - pos - 2), line, "");
        pos = end + 2;
      } else if (c == '/' && peek(1) == '/') {
        while (pos < src.length && src[pos] != '\n') {
          pos++;
        }
        add(CToken.Kind.COMMENT, new String(src, start + 2, pos - start - 2), line, "");
      } else if (c == '"') {
        add(CToken.Kind.STRING, quoted('"'), line, "");
      } else if (c == '\'') {
        add(CToken.Kind.CHAR, quoted('\''), line, "");
      } else if (Character.isLetter(c) || c == '_') {
        while (pos < src.length && (Character.isLetterOrDigit(src[pos]) || src[pos] == '_')) {
          pos++;
        }
        String word = new String(src, start, pos - start);
        if (pos < src.length && src[pos] == '"' && (word.equals("u8") || word.equals("L")
            || word.equals("u") || word.equals("U"))) {
          add(CToken.Kind.STRING, quoted('"'), line, word);
        } else {
          add(CToken.Kind.IDENT, word, line, "");
        }
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
        while (pos < src.length && (Character.isLetterOrDigit(src[pos]) || src[pos] == '.'
            || ((src[pos] == '+' || src[pos] == '-') && "eEpP".indexOf(src[pos - 1]) >= 0
                && !isHexNumber(start)))) {
          pos++;
        }
        String number = new String(src, start, pos - start);
        if (number.contains(".") || (!isHexNumber(start) && number.matches(".*[eE].*"))) {
          throw new ConversionException(line, "floating constant " + number
              + " (libcurl options take integers)");
        }
        add(CToken.Kind.NUMBER, number, line, "");
      } else {
        String p = punctuator();
        if (p == null) {
          throw new ConversionException(line, "unexpected character '" + c + "'");
        }
        pos += p.length();
        add(CToken.Kind.PUNCT, p, line, "");
      }
    }
    add(CToken.Kind.EOF, "", lineOf[src.length], "");
  }

  private boolean isHexNumber(int start) {
    return start + 1 < src.length && src[start] == '0' && (src[start + 1] == 'x'
        || src[start + 1] == 'X');
  }

  /** Reads a quoted literal at pos; returns its body with escapes as written. */
  private String quoted(char quote) {
    int line = lineOf[pos];
    int start = ++pos;
    while (pos < src.length && src[pos] != quote) {
      if (src[pos] == '\n') {
        throw new ConversionException(line, (quote == '"' ? "a string literal" : "a character "
            + "constant") + " that does not end on its line");
      }
      pos += src[pos] == '\\' && pos + 1 < src.length ? 2 : 1;
    }
    if (pos >= src.length) {
      throw new ConversionException(line, "a literal that never ends");
    }
    String body = new String(src, start, pos - start);
    pos++;
    return body;
  }

  private String punctuator() {
    for (String p : PUNCTUATORS) {
      if (pos + p.length() <= src.length && new String(src, pos, p.length()).equals(p)) {
        return p;
      }
    }
    return null;
  }

  private char peek(int ahead) {
    return pos + ahead < src.length ? src[pos + ahead] : '\0';
  }

  private int indexOf(String s, int from) {
    outer:
    for (int i = from; i + s.length() <= src.length; i++) {
      for (int k = 0; k < s.length(); k++) {
        if (src[i + k] != s.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void add(CToken.Kind kind, String text, int line, String prefix) {
    int end = kind == CToken.Kind.EOF ? line : lineOf[Math.max(pos - 1, 0)];
    tokens.add(new CToken(kind, text, line, Math.max(end, line), prefix));
  }
}
