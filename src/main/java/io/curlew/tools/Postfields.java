package io.curlew.tools;

import java.util.Arrays;
import java.util.List;

/**
 * How many bytes of a string literal libcurl takes as POSTFIELDS (or as MIME data with
 * an explicit size): the size the program sets with {@code CURLOPT_POSTFIELDSIZE} or
 * {@code _LARGE}, looked up in the straight-line program around the setopt, else
 * {@code strlen}. A size beyond the literal is refused: the C program would read past it,
 * which is what a body longer than 2000 bytes turns into, since curl --libcurl cuts such
 * literals and ends them with {@code ...}.
 */
final class Postfields {

  private Postfields() {
  }

  /**
   * The bytes libcurl sends for POSTFIELDS: as many as POSTFIELDSIZE(_LARGE) says when
   * the program sets it for this body (after it, before the next perform; or before it,
   * since the last perform), else up to the first NUL, as strlen() counts.
   */
  static byte[] bytes(List<CStatement> body, int index, String handle, byte[] literal,
      int line) {
    CExpr size = null;
    int sizeLine = 0;
    for (int i = index + 1; i < body.size(); i++) {
      CExpr.Call c = callIn(body.get(i));
      if (c == null || !onHandle(c, handle)) {
        continue;
      }
      if (c.function().equals("curl_easy_perform") || isSetopt(c, "CURLOPT_POSTFIELDS")
          || isSetopt(c, "CURLOPT_COPYPOSTFIELDS")) {
        break;
      }
      if (isSetopt(c, "CURLOPT_POSTFIELDSIZE") || isSetopt(c, "CURLOPT_POSTFIELDSIZE_LARGE")) {
        size = c.args().get(2);
        sizeLine = c.line();
      }
    }
    if (size == null) {
      for (int i = index - 1; i >= 0; i--) {
        CExpr.Call c = callIn(body.get(i));
        if (c == null || !onHandle(c, handle)) {
          continue;
        }
        if (c.function().equals("curl_easy_perform")
            || c.function().equals("curl_easy_reset")) {
          break;
        }
        if (isSetopt(c, "CURLOPT_POSTFIELDSIZE")
            || isSetopt(c, "CURLOPT_POSTFIELDSIZE_LARGE")) {
          size = c.args().get(2);
          sizeLine = c.line();
          break;
        }
      }
    }
    if (size == null || !CNumbers.isNumber(size) || CNumbers.value(size) == -1) {
      return CStrings.upToNul(literal);
    }
    return sized(literal, CNumbers.value(size), "CURLOPT_POSTFIELDS", line, sizeLine);
  }

  /** The first n bytes of a literal (n may count its terminating NUL). */
  static byte[] sized(byte[] literal, long n, String what, int line, int sizeLine) {
    if (n < 0) {
      throw new ConversionException(sizeLine, "negative size " + n + " for " + what);
    }
    if (n > literal.length + 1) {
      String cut = literal.length >= 3 && new String(literal, literal.length - 3, 3,
          java.nio.charset.StandardCharsets.ISO_8859_1).equals("...")
          ? " The literal ends in \"...\": curl --libcurl writes at most 2000 bytes of a "
          + "string and marks the cut that way, so this file does not hold the data the "
          + "original command sent."
          : "";
      throw new ConversionException(line, what + " gets a literal of " + literal.length
          + " bytes but its size is " + n + (sizeLine != line ? " (line " + sizeLine + ")"
          : "") + ": the C program would read past the end of the literal." + cut);
    }
    byte[] out = Arrays.copyOf(literal, (int) n);
    return out; // a size of length + 1 takes the NUL, which copyOf supplies
  }

  private static CExpr.Call callIn(CStatement s) {
    if (s instanceof CStatement.Expression e) {
      CExpr x = e.expr() instanceof CExpr.Assign a ? a.value() : e.expr();
      return x instanceof CExpr.Call c ? c : null;
    }
    return null;
  }

  private static boolean onHandle(CExpr.Call c, String handle) {
    return !c.args().isEmpty() && c.args().get(0) instanceof CExpr.Name n
        && n.name().equals(handle);
  }

  private static boolean isSetopt(CExpr.Call c, String option) {
    return c.function().equals("curl_easy_setopt") && c.args().size() == 3
        && c.args().get(1) instanceof CExpr.Name n && n.name().equals(option);
  }

}
