package io.curlew.tools;

/**
 * A statement (or a comment between statements) in the body of {@code main}, as
 * {@link CParser} reads it. {@code blankBefore} says whether an empty line preceded it in
 * the source, so the Java output keeps the C program's grouping.
 */
public sealed interface CStatement {

  /** @return the 1-based source line it starts on */
  int line();

  /** @return whether an empty line preceded it */
  boolean blankBefore();

  /**
   * A variable declaration: {@code CURL *curl;}, {@code struct curl_slist *slist1;},
   * {@code CURLcode result = CURLE_OK;}.
   *
   * @param type the type without pointer stars, for example {@code struct curl_slist}
   * @param pointers how many {@code *}
   * @param name the variable
   * @param init the initializer, or null
   * @param line its line
   * @param blankBefore whether an empty line preceded it
   */
  record Declaration(String type, int pointers, String name, CExpr init, int line,
      boolean blankBefore) implements CStatement {
  }

  /**
   * An expression statement: a call or an assignment.
   *
   * @param expr the expression
   * @param line its line
   * @param blankBefore whether an empty line preceded it
   */
  record Expression(CExpr expr, int line, boolean blankBefore) implements CStatement {
  }

  /**
   * {@code return X;} (X may be null for a bare {@code return;}).
   *
   * @param value the returned expression, or null
   * @param line its line
   * @param blankBefore whether an empty line preceded it
   */
  record Return(CExpr value, int line, boolean blankBefore) implements CStatement {
  }

  /**
   * A comment between statements, such as the tool's list of options that "cannot get
   * generated as source easily".
   *
   * @param text the comment's text without its markers
   * @param line its line
   * @param blankBefore whether an empty line preceded it
   */
  record Comment(String text, int line, boolean blankBefore) implements CStatement {
  }
}
