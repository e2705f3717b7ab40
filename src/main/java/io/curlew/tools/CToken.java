package io.curlew.tools;

/**
 * One token of C source, as {@link CLexer} reads it.
 *
 * @param kind what it is
 * @param text the identifier, number or punctuator as written; for a string literal its
 *     body between the quotes with escapes as written; for a comment its text without the
 *     comment markers; for a directive the whole line
 * @param line the 1-based source line it starts on
 * @param endLine the line it ends on
 * @param prefix a string literal's encoding prefix ({@code u8}, {@code L}, {@code u},
 *     {@code U}) or the empty string
 */
public record CToken(Kind kind, String text, int line, int endLine, String prefix) {

  /** Token kinds. */
  public enum Kind {
    /** a name */
    IDENT,
    /** an integer constant (floating constants are refused by the lexer) */
    NUMBER,
    /** a string literal */
    STRING,
    /** a character constant */
    CHAR,
    /** an operator or punctuator */
    PUNCT,
    /** a block or line comment */
    COMMENT,
    /** a preprocessor line */
    DIRECTIVE,
    /** the end of the input */
    EOF
  }

  /** @return whether this is the punctuator {@code p} */
  public boolean is(String p) {
    return kind == Kind.PUNCT && text.equals(p);
  }

  /** @return whether this is the identifier {@code name} */
  public boolean isIdent(String name) {
    return kind == Kind.IDENT && text.equals(name);
  }

  /** @return a short description for messages */
  public String describe() {
    return switch (kind) {
      case EOF -> "the end of the file";
      case STRING -> "a string literal";
      case COMMENT -> "a comment";
      case DIRECTIVE -> "a preprocessor line";
      default -> "'" + text + "'";
    };
  }
}
