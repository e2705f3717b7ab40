package io.curlew.tools;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the C program curl's {@code --libcurl} writes into a {@link CProgram}: directives
 * and comments, then {@code int main(int argc, char *argv[])} (or {@code (void)},
 * {@code ()}, {@code char **argv}) whose body is a straight sequence of declarations,
 * expression statements, comments and {@code return}.
 *
 * <p>Expressions: names, integer constants, string literals (adjacent ones joined, as C
 * does), casts to a type name, {@code |}, unary minus, parentheses, calls and assignments
 * to a variable. Control flow ({@code if}, loops), other operators, functions other than
 * {@code main} and wide string literals are refused with the line they are on.
 */
public final class CParser {

  /** Words that may start or continue a type name in a declaration or a cast. */
  private static final Set<String> TYPE_WORDS = Set.of("void", "char", "short", "int", "long",
      "signed", "unsigned", "const", "volatile", "struct", "size_t", "curl_off_t", "CURLcode",
      "CURLoption", "CURL", "CURLM", "CURLSH", "CURLU", "curl_mime", "curl_mimepart",
      "curl_socket_t", "CURLFORMcode");

  private final List<CToken> tokens;
  private int at;
  private int lastEndLine;

  private CParser(List<CToken> tokens) {
    this.tokens = tokens;
  }

  /**
   * @param source the C program
   * @return its parts
   * @throws ConversionException naming the line of the first thing it cannot read
   */
  public static CProgram parse(String source) {
    return new CParser(CLexer.tokenize(source)).program();
  }

  private CProgram program() {
    List<String> preamble = new ArrayList<>();
    List<String> includes = new ArrayList<>();
    while (true) {
      CToken t = peek();
      if (t.kind() == CToken.Kind.COMMENT) {
        preamble.add(next().text());
      } else if (t.kind() == CToken.Kind.DIRECTIVE) {
        String d = next().text();
        if (!d.matches("#\\s*include\\s*[<\"].*")) {
          throw new ConversionException(t.line(), "preprocessor line '" + d + "' is not "
              + "supported (only #include)");
        }
        includes.add(d);
      } else {
        break;
      }
    }
    mainHeader();
    List<CStatement> body = new ArrayList<>();
    while (!peek().is("}")) {
      if (peek().kind() == CToken.Kind.EOF) {
        throw new ConversionException(peek().line(), "main's body has no closing '}'");
      }
      statement(body);
    }
    next();
    List<String> trailer = new ArrayList<>();
    while (peek().kind() != CToken.Kind.EOF) {
      CToken t = next();
      if (t.kind() != CToken.Kind.COMMENT) {
        throw new ConversionException(t.line(), "only comments may follow main, not "
            + t.describe() + " (the converter reads one function, main)");
      }
      trailer.add(t.text());
    }
    return new CProgram(preamble, includes, body, trailer);
  }

  private void mainHeader() {
    CToken t = peek();
    if (!t.isIdent("int")) {
      throw new ConversionException(t.line(), "expected 'int main(...)', found " + t.describe()
          + " (the converter reads programs written by curl --libcurl: one function, main)");
    }
    next();
    expectIdent("main");
    expect("(");
    if (peek().isIdent("void")) {
      next();
    } else if (peek().isIdent("int")) {
      next();
      ident();
      expect(",");
      expectIdent("char");
      expect("*");
      if (peek().is("*")) {
        next();
        ident();
      } else {
        ident();
        expect("[");
        expect("]");
      }
    }
    expect(")");
    expect("{");
  }

  private void statement(List<CStatement> out) {
    CToken t = peek();
    boolean blank = lastEndLine > 0 && t.line() - lastEndLine >= 2;
    int line = t.line();
    if (t.kind() == CToken.Kind.COMMENT) {
      next();
      out.add(new CStatement.Comment(t.text(), line, blank));
      return;
    }
    if (t.kind() == CToken.Kind.DIRECTIVE) {
      throw new ConversionException(line, "preprocessor line '" + t.text() + "' inside main "
          + "is not supported");
    }
    if (t.is(";")) {
      next();
      return;
    }
    if (t.kind() == CToken.Kind.IDENT) {
      switch (t.text()) {
        case "if", "else", "while", "for", "do", "switch", "goto", "case", "default", "break",
            "continue" -> throw new ConversionException(line, "'" + t.text() + "' is not "
            + "supported: the converter reads straight-line code, as curl --libcurl writes it");
        case "return" -> {
          next();
          CExpr value = peek().is(";") ? null : expression();
          expect(";");
          out.add(new CStatement.Return(value, line, blank));
          return;
        }
        default -> {
        }
      }
      if (startsDeclaration()) {
        declaration(out, line, blank);
        return;
      }
    }
    if (t.is("{") || t.is("}")) {
      throw new ConversionException(line, "nested blocks are not supported");
    }
    CExpr e = expression();
    expect(";");
    out.add(new CStatement.Expression(e, line, blank));
  }

  /** A declaration starts with a type word, or a name followed by '*' and a name. */
  private boolean startsDeclaration() {
    CToken t = peek();
    if (TYPE_WORDS.contains(t.text()) && !(peek(1).is("(") || peek(1).is("=")
        || peek(1).is(";"))) {
      return true;
    }
    return peek(1).is("*") && peek(2).kind() == CToken.Kind.IDENT
        && (peek(3).is(";") || peek(3).is("=") || peek(3).is(","));
  }

  private void declaration(List<CStatement> out, int line, boolean blank) {
    StringBuilder type = new StringBuilder();
    while (peek().kind() == CToken.Kind.IDENT && !(peek(1).is(";") || peek(1).is("=")
        || peek(1).is(",") || peek(1).is("[")) ) {
      String word = next().text();
      if (!word.equals("const") && !word.equals("volatile")) {
        type.append(type.length() == 0 ? "" : " ").append(word);
      }
      if (peek().is("*")) {
        break;
      }
    }
    boolean first = true;
    do {
      if (!first) {
        next(); // ','
      }
      first = false;
      int pointers = 0;
      while (peek().is("*")) {
        next();
        pointers++;
        while (peek().isIdent("const")) {
          next();
        }
      }
      String name = ident();
      if (peek().is("[")) {
        throw new ConversionException(peek().line(), "array declarations are not supported");
      }
      CExpr init = null;
      if (peek().is("=")) {
        next();
        init = assignment();
      }
      if (type.length() == 0) {
        throw new ConversionException(line, "declaration of " + name + " has no type");
      }
      out.add(new CStatement.Declaration(type.toString(), pointers, name, init, line, blank));
    } while (peek().is(","));
    expect(";");
  }

  private CExpr expression() {
    return assignment();
  }

  private CExpr assignment() {
    CToken t = peek();
    if (t.kind() == CToken.Kind.IDENT && peek(1).is("=")) {
      next();
      next();
      return new CExpr.Assign(t.text(), assignment(), t.line());
    }
    if (t.kind() == CToken.Kind.IDENT && peek(1).kind() == CToken.Kind.PUNCT
        && peek(1).text().endsWith("=") && peek(1).text().length() == 2
        && !peek(1).is("==") && !peek(1).is("!=") && !peek(1).is("<=") && !peek(1).is(">=")) {
      throw new ConversionException(t.line(), "compound assignment '" + peek(1).text()
          + "' is not supported");
    }
    return or();
  }

  private CExpr or() {
    CExpr left = unary();
    while (peek().is("|")) {
      int line = next().line();
      left = new CExpr.Or(left, unary(), line);
    }
    CToken t = peek();
    if (t.kind() == CToken.Kind.PUNCT && !(t.is(";") || t.is(",") || t.is(")"))) {
      throw new ConversionException(t.line(), "operator '" + t.text() + "' is not supported "
          + "(only casts, '|' and unary '-' are)");
    }
    return left;
  }

  private CExpr unary() {
    CToken t = peek();
    if (t.is("-")) {
      next();
      return new CExpr.Neg(unary(), t.line());
    }
    if (t.is("(") && isCastAhead()) {
      next();
      StringBuilder type = new StringBuilder();
      while (!peek().is(")")) {
        CToken w = next();
        if (w.is("*")) {
          type.append('*');
        } else {
          type.append(type.length() == 0 ? "" : " ").append(w.text());
        }
      }
      next();
      return new CExpr.Cast(type.toString(), unary(), t.line());
    }
    return primary();
  }

  /** '(' then type words (known ones, *_t or curl_*_callback) and stars, then ')'. */
  private boolean isCastAhead() {
    int i = 1;
    boolean any = false;
    while (true) {
      CToken t = peek(i);
      if (t.is(")")) {
        return any;
      }
      if (t.is("*") && any) {
        i++;
        continue;
      }
      if (t.kind() != CToken.Kind.IDENT) {
        return false;
      }
      String w = t.text();
      if (!(TYPE_WORDS.contains(w) || w.endsWith("_t") || w.matches("curl_\\w+_callback")
          || (any && peek(i - 1).isIdent("struct")))) {
        return false;
      }
      any = true;
      i++;
    }
  }

  private CExpr primary() {
    CToken t = next();
    switch (t.kind()) {
      case NUMBER -> {
        try {
          return new CExpr.Int(CLiteral.decodeInteger(t.text()), t.text(), t.line());
        } catch (CLiteral.Malformed e) {
          throw new ConversionException(t.line(), e.getMessage());
        }
      }
      case STRING -> {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CToken s = t;
        while (true) {
          if (!s.prefix().isEmpty() && !s.prefix().equals("u8")) {
            throw new ConversionException(s.line(), "wide string literal " + s.prefix()
                + "\"...\" is not supported (libcurl takes char strings)");
          }
          try {
            bytes.writeBytes(CLiteral.decodeString(s.text()));
          } catch (CLiteral.Malformed e) {
            throw new ConversionException(s.line(), "string literal: " + e.getMessage());
          }
          if (peek().kind() != CToken.Kind.STRING) {
            break;
          }
          s = next();
        }
        return new CExpr.Str(bytes.toByteArray(), t.line());
      }
      case IDENT -> {
        if (peek().is("(")) {
          next();
          List<CExpr> args = new ArrayList<>();
          if (!peek().is(")")) {
            args.add(assignment());
            while (peek().is(",")) {
              next();
              args.add(assignment());
            }
          }
          expect(")");
          return new CExpr.Call(t.text(), args, t.line());
        }
        return new CExpr.Name(t.text(), t.line());
      }
      case PUNCT -> {
        if (t.is("(")) {
          CExpr e = expression();
          expect(")");
          return e;
        }
        throw new ConversionException(t.line(), "unexpected " + t.describe());
      }
      case CHAR -> throw new ConversionException(t.line(), "character constants are not "
          + "supported");
      default -> throw new ConversionException(t.line(), "unexpected " + t.describe());
    }
  }

  // --- token helpers -------------------------------------------------------------------

  /** The next token that is not a comment, except that statement() sees comments. */
  private CToken peek() {
    return tokens.get(Math.min(at, tokens.size() - 1));
  }

  /** The token n places ahead of peek(), skipping comments inside expressions. */
  private CToken peek(int n) {
    int i = at;
    int seen = 0;
    while (i < tokens.size() - 1) {
      i++;
      if (tokens.get(i).kind() != CToken.Kind.COMMENT) {
        seen++;
        if (seen == n) {
          return tokens.get(i);
        }
      }
    }
    return tokens.get(tokens.size() - 1);
  }

  private CToken next() {
    CToken t = peek();
    if (at < tokens.size() - 1) {
      at++;
    }
    lastEndLine = t.endLine();
    // comments inside a statement (between its tokens) are dropped; only those between
    // statements become CStatement.Comment
    if (t.kind() != CToken.Kind.COMMENT && !t.is(";") && !t.is("{") && !t.is("}")) {
      while (peek().kind() == CToken.Kind.COMMENT) {
        at++;
      }
    }
    return t;
  }

  private void expect(String p) {
    CToken t = peek();
    if (!t.is(p)) {
      throw new ConversionException(t.line(), "expected '" + p + "', found " + t.describe());
    }
    next();
  }

  private void expectIdent(String name) {
    CToken t = peek();
    if (!t.isIdent(name)) {
      throw new ConversionException(t.line(), "expected '" + name + "', found "
          + t.describe());
    }
    next();
  }

  private String ident() {
    CToken t = peek();
    if (t.kind() != CToken.Kind.IDENT) {
      throw new ConversionException(t.line(), "expected a name, found " + t.describe());
    }
    return next().text();
  }
}
