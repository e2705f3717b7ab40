package io.curlew.tools;

import java.util.List;

/**
 * An expression of the C subset {@link CParser} reads: names, integer constants, string
 * literals (adjacent ones already joined), casts, {@code |}, unary minus, calls and
 * assignments. Every node keeps the line it starts on.
 */
public sealed interface CExpr {

  /** @return the 1-based source line the expression starts on */
  int line();

  /**
   * A name: a variable, a libcurl constant ({@code CURLOPT_URL}), {@code NULL}, or a C
   * library name such as {@code stdin} or {@code fread}.
   *
   * @param name the identifier
   * @param line its line
   */
  record Name(String name, int line) implements CExpr {
  }

  /**
   * An integer constant.
   *
   * @param value its value (see {@link CLiteral#decodeInteger})
   * @param text as written, for example {@code 64UL}
   * @param line its line
   */
  record Int(long value, String text, int line) implements CExpr {
  }

  /**
   * One string literal, or several adjacent ones joined as C joins them.
   *
   * @param bytes the bytes it holds, without the terminating NUL
   * @param line the line of its first part
   */
  record Str(byte[] bytes, int line) implements CExpr {
  }

  /**
   * A cast: {@code (long)X}, {@code (curl_off_t)5}, {@code (curl_read_callback)fread}.
   *
   * @param type the type as written, words joined by one space, {@code *}s attached
   * @param operand what is cast
   * @param line its line
   */
  record Cast(String type, CExpr operand, int line) implements CExpr {
  }

  /**
   * A bitwise or: {@code (long)CURLAUTH_BASIC | (long)CURLAUTH_DIGEST}.
   *
   * @param left the left operand
   * @param right the right operand
   * @param line its line
   */
  record Or(CExpr left, CExpr right, int line) implements CExpr {
  }

  /**
   * Unary minus.
   *
   * @param operand the operand
   * @param line its line
   */
  record Neg(CExpr operand, int line) implements CExpr {
  }

  /**
   * A function call.
   *
   * @param function the function's name
   * @param args the arguments
   * @param line its line
   */
  record Call(String function, List<CExpr> args, int line) implements CExpr {
  }

  /**
   * An assignment to a variable.
   *
   * @param variable the variable
   * @param value the value
   * @param line its line
   */
  record Assign(String variable, CExpr value, int line) implements CExpr {
  }
}
