package io.curlew.tools;

/**
 * The value of one {@code curl_easy_setopt} call, checked against the option's C type by
 * {@link ProgramTranslator} and handed to a {@link JavaFlavor} to write.
 */
public sealed interface OptionValue {

  /**
   * An integer expression (LONG, VALUES and OFF_T options).
   *
   * @param expr the C expression, for writing it with its constants' names
   * @param value its value
   */
  record Number(CExpr expr, long value) implements OptionValue {
  }

  /**
   * A C string (STRING options): the bytes up to the literal's first NUL, as C reads it.
   *
   * @param bytes the bytes, well-formed UTF-8
   * @param text them as text
   */
  record Text(byte[] bytes, String text) implements OptionValue {
  }

  /**
   * Bytes with a length of their own (POSTFIELDS and COPYPOSTFIELDS with the size the
   * program sets).
   *
   * @param bytes exactly the bytes libcurl sends
   */
  record Bytes(byte[] bytes) implements OptionValue {
  }

  /**
   * A variable: a string list, a MIME structure.
   *
   * @param name the variable
   * @param kind its kind
   */
  record Variable(String name, VarKind kind) implements OptionValue {
  }

  /** C's {@code NULL}: resets the option. */
  record Null() implements OptionValue {
  }
}
