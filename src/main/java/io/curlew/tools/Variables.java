package io.curlew.tools;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables of a {@code --libcurl} program while it is translated: each one's kind,
 * whether it has been given a value yet and whether that value is NULL. The program is
 * straight-line code, so this is known exactly at every statement, and uses the C
 * program gets wrong (a variable read before it has a value, NULL where a call needs an
 * object, a variable of the wrong kind) are refused with the line.
 */
final class Variables {

  private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean",
      "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do",
      "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
      "void", "volatile", "while", "true", "false", "null", "var", "record", "yield",
      "sealed", "permits", "args");

  private final Map<String, VarKind> kinds = new HashMap<>();
  private final Set<String> assigned = new HashSet<>();
  private final Set<String> isNull = new HashSet<>();

  /** Declares a variable; a second declaration of the name is refused. */
  void declare(String name, VarKind kind, int line) {
    if (kinds.containsKey(name)) {
      throw new ConversionException(line, name + " is declared twice");
    }
    kinds.put(name, kind);
  }

  /** @return whether the name is a declared variable */
  boolean isDeclared(String name) {
    return kinds.containsKey(name);
  }

  /** @return the variable's kind, or null for a name that is not one */
  VarKind kind(String name) {
    return kinds.get(name);
  }

  /** Records that the variable now has a value, NULL or not. */
  void assign(String name, boolean toNull) {
    assigned.add(name);
    if (toNull) {
      isNull.add(name);
    } else {
      isNull.remove(name);
    }
  }

  /** @return whether the variable is NULL at this point of the program */
  boolean isNull(String name) {
    return isNull.contains(name);
  }

  VarKind kindOf(String var, int line) {
    VarKind kind = kinds.get(var);
    if (kind == null) {
      throw new ConversionException(line, var + " is not declared");
    }
    return kind;
  }

  void requireAssigned(String var, int line) {
    if (!assigned.contains(var)) {
      throw new ConversionException(line, var + " is used before it is given a value");
    }
  }

  /** A variable of the given kind that has a value (possibly NULL); returns its C name. */
  String variable(CExpr e, VarKind kind, String where) {
    if (!(e instanceof CExpr.Name n) || !kinds.containsKey(n.name())) {
      throw new ConversionException(e.line(), where + " needs a " + kind.cType()
          + " variable here");
    }
    VarKind actual = kinds.get(n.name());
    if (actual != kind) {
      throw new ConversionException(e.line(), where + " needs a " + kind.cType() + ", but "
          + n.name() + " is a " + actual.cType());
    }
    requireAssigned(n.name(), e.line());
    return n.name();
  }

  String nonNullVar(CExpr e, VarKind kind, String where) {
    String v = variable(e, kind, where);
    if (isNull.contains(v)) {
      throw new ConversionException(e.line(), v + " is NULL here, which " + where
          + " does not accept");
    }
    return v;
  }

  /** A non-NULL variable of the given kind; returns its Java name. */
  String nonNull(CExpr e, VarKind kind, String where) {
    return javaName(nonNullVar(e, kind, where));
  }

  /** @return the Java name of a C variable: the same, unless Java reserves it */
  static String javaName(String c) {
    return JAVA_KEYWORDS.contains(c) ? c + "_" : c;
  }
}
