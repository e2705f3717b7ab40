package io.curlew.tools;

/**
 * The converter cannot turn its input into an equivalent Java program; the message names
 * the source line and what is wrong or not supported there.
 */
public final class ConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * @param line the 1-based line of the C source, or 0 when none applies
   * @param message what is wrong
   */
  public ConversionException(int line, String message) {
    super(line > 0 ? "line " + line + ": " + message : message);
    this.line = line;
  }

  /** @return the 1-based line of the C source, or 0 when none applies */
  public int line() {
    return line;
  }
}
