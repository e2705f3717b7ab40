package io.curlew.tools;

/**
 * A Java source text under construction: lines at the current indentation (two spaces a
 * level), continuation lines of one statement four spaces further, blank lines without
 * trailing spaces, and comments carried over from C.
 */
public final class JavaCode {

  private final StringBuilder text = new StringBuilder();
  private int indent;

  /** An empty text at the outermost level. */
  public JavaCode() {
    this(0);
  }

  /** @param indent spaces before each line */
  public JavaCode(int indent) {
    this.indent = indent;
  }

  /**
   * Adds one statement or declaration; a multi-line one (a long literal split into pieces)
   * gets its later lines indented as a continuation.
   *
   * @param code the code, lines separated by {@code \n}
   * @return this
   */
  public JavaCode line(String code) {
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        text.append('\n');
        continue;
      }
      text.append(" ".repeat(indent + (i == 0 ? 0 : 4))).append(lines[i]).append('\n');
    }
    return this;
  }

  /**
   * Adds a call whose last argument may be long: on one line when it fits in 100 columns,
   * else with the argument on continuation lines (an expression without string literals
   * split after each {@code |}).
   *
   * @param head the call up to and including the comma before the argument
   * @param argument the argument, possibly already split into lines
   * @param tail what follows the argument, such as {@code ");"}
   * @return this
   */
  public JavaCode call(String head, String argument, String tail) {
    String one = head + " " + argument + tail;
    if (argument.indexOf('\n') < 0 && indent + one.length() <= 100) {
      return line(one);
    }
    String arg = argument.indexOf('\n') < 0 && argument.indexOf('"') < 0
        ? argument.replace(" | ", " |\n") : argument;
    return line(head + "\n" + arg + tail);
  }

  /** @return this, after an empty line (never two in a row, never at a block's start) */
  public JavaCode blank() {
    int n = text.length();
    if (n >= 2 && text.charAt(n - 1) == '\n' && text.charAt(n - 2) != '\n'
        && text.charAt(n - 2) != '{') {
      text.append('\n');
    }
    return this;
  }

  /**
   * @param code a line ending with an opening brace
   * @return this, one level deeper
   */
  public JavaCode open(String code) {
    line(code);
    indent += 2;
    return this;
  }

  /**
   * @param code a line starting with the closing brace
   * @return this, one level up
   */
  public JavaCode close(String code) {
    indent -= 2;
    return line(code);
  }

  /**
   * @param code a line that closes a block and opens the next, such as
   *     <code>} catch (IOException e) {</code>
   * @return this, at the same level
   */
  public JavaCode reopen(String code) {
    indent -= 2;
    line(code);
    indent += 2;
    return this;
  }

  /**
   * Adds a block comment with the text of a C comment, each line re-indented; character
   * sequences Java would read differently inside a comment are defused.
   *
   * @param comment the comment's text without its markers
   * @param cIndent how far the C source indents the comment's lines (they keep what is
   *     beyond that)
   * @return this
   */
  public JavaCode comment(String comment, int cIndent) {
    String safe = comment.replace("*/", "* /").replace("\\u", "\\ u");
    if (safe.startsWith("*")) {
      safe = " " + safe; // not a Javadoc comment
    }
    String[] lines = safe.split("\r?\n", -1);
    if (lines.length == 1) {
      return line("/*" + safe + "*/");
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String l = i == 0 ? lines[i] : lines[i].replaceFirst("^ {0," + cIndent + "}", "");
      b.append(i == 0 ? "/*" : "").append(l).append(i == lines.length - 1 ? "*/" : "")
          .append('\n');
    }
    String[] out = b.toString().split("\n");
    for (String l : out) {
      if (l.isBlank()) {
        text.append('\n');
      } else {
        text.append(" ".repeat(indent)).append(l).append('\n');
      }
    }
    return this;
  }

  /** @return the text so far */
  @Override
  public String toString() {
    return text.toString();
  }
}
