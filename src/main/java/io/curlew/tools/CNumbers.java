package io.curlew.tools;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Integer expressions of a {@code --libcurl} program ({@code 102400L},
 * {@code (long)CURL_HTTP_VERSION_2TLS}, {@code (long)(CURL_SSLVERSION_TLSv1_2 |
 * CURL_SSLVERSION_MAX_TLSv1_3)}, {@code (long)CURLAUTH_NONE | 64UL},
 * {@code (curl_off_t)277}): checks them, computes their value and writes them in Java.
 */
public final class CNumbers {

  /** Casts to these types keep the value (in a 64-bit long) and are left out in Java. */
  private static final Set<String> WIDE = Set.of("long", "long int", "unsigned long",
      "long long", "unsigned long long", "curl_off_t", "size_t", "CURLoption");

  private CNumbers() {
  }

  /**
   * @param e a C expression
   * @return whether it is an integer expression the converter can write: constants,
   *     libcurl's numeric names, integer casts, {@code |} and unary minus
   */
  public static boolean isNumber(CExpr e) {
    if (e instanceof CExpr.Int) {
      return true;
    }
    if (e instanceof CExpr.Name n) {
      return CurlSymbols.isNumericConstant(n.name());
    }
    if (e instanceof CExpr.Cast c) {
      return (WIDE.contains(c.type()) || c.type().equals("int")
          || c.type().equals("unsigned int")) && isNumber(c.operand());
    }
    if (e instanceof CExpr.Or o) {
      return isNumber(o.left()) && isNumber(o.right());
    }
    return e instanceof CExpr.Neg n && isNumber(n.operand());
  }

  /**
   * @param e an expression for which {@link #isNumber} holds
   * @return its value as C computes it for a {@code long} argument
   */
  public static long value(CExpr e) {
    if (e instanceof CExpr.Int i) {
      return i.value();
    }
    if (e instanceof CExpr.Name n) {
      return CurlSymbols.constant(n.name());
    }
    if (e instanceof CExpr.Cast c) {
      long v = value(c.operand());
      return c.type().equals("int") ? (int) v
          : c.type().equals("unsigned int") ? v & 0xffffffffL : v;
    }
    if (e instanceof CExpr.Or o) {
      return value(o.left()) | value(o.right());
    }
    if (e instanceof CExpr.Neg n) {
      return -value(n.operand());
    }
    throw new IllegalArgumentException("not an integer expression: " + e);
  }

  /**
   * @param e an expression for which {@link #isNumber} holds
   * @param constant how to write one of libcurl's constants, from its C name
   * @return it as a Java expression
   */
  public static String java(CExpr e, UnaryOperator<String> constant) {
    if (e instanceof CExpr.Int i) {
      return i.value() + "L";
    }
    if (e instanceof CExpr.Name n) {
      return constant.apply(n.name());
    }
    if (e instanceof CExpr.Cast c) {
      return WIDE.contains(c.type()) ? java(c.operand(), constant)
          : "(" + c.type().replace("unsigned ", "") + ") " + operand(c.operand(), constant);
    }
    if (e instanceof CExpr.Or o) {
      return java(o.left(), constant) + " | " + java(o.right(), constant);
    }
    if (e instanceof CExpr.Neg n) {
      return "-" + operand(n.operand(), constant);
    }
    throw new IllegalArgumentException("not an integer expression: " + e);
  }

  private static String operand(CExpr e, UnaryOperator<String> constant) {
    String s = java(e, constant);
    return s.contains(" ") ? "(" + s + ")" : s;
  }

  /**
   * @param e an expression for which {@link #isNumber} holds
   * @return whether its Java form has type {@code long} (else {@code int}, from a
   *     constant curlew declares as an int)
   */
  public static boolean isLongInJava(CExpr e) {
    if (e instanceof CExpr.Name n) {
      return !CurlSymbols.isIntConstant(n.name());
    }
    if (e instanceof CExpr.Cast c) {
      return WIDE.contains(c.type()) && isLongInJava(c.operand());
    }
    if (e instanceof CExpr.Or o) {
      return isLongInJava(o.left()) || isLongInJava(o.right());
    }
    if (e instanceof CExpr.Neg n) {
      return isLongInJava(n.operand());
    }
    return true;
  }
}
