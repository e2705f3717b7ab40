package io.curlew.tools;

import io.curlew.CurlOption;
import java.util.List;

/**
 * Turns a parsed {@code --libcurl} program into a Java class, statement by statement:
 * checks every statement against what libcurl's API and the C language say it does (the
 * variables' kinds, each option's C type, the constants' existence, NULL-ness, the
 * POSTFIELDS size), then lets a {@link JavaFlavor} write it. Anything outside the subset
 * the tool writes is refused with a {@link ConversionException} naming the line.
 *
 * <p>The program is straight-line code, so what a variable holds at each statement is
 * known exactly: using a variable before it has a value, a NULL handle, or a
 * POSTFIELDSIZE larger than the literal (which the tool produces when it cuts a long
 * body at 2000 bytes) are all refused rather than turned into a Java program that would
 * behave differently.
 */
public final class ProgramTranslator {

  private static final List<String> KNOWN_CALLS = List.of("curl_easy_init",
      "curl_easy_setopt", "curl_easy_perform", "curl_easy_cleanup", "curl_easy_reset",
      "curl_slist_append", "curl_slist_free_all", "curl_mime_init", "curl_mime_addpart",
      "curl_mime_name", "curl_mime_filename", "curl_mime_type", "curl_mime_encoder",
      "curl_mime_data", "curl_mime_filedata", "curl_mime_data_cb", "curl_mime_subparts",
      "curl_mime_headers", "curl_mime_free", "curl_global_init", "curl_global_cleanup");

  private final CProgram program;
  private final JavaFlavor flavor;
  private final JavaCode code = new JavaCode(4);
  private final Variables vars = new Variables();
  private boolean returned;
  private int index;

  private ProgramTranslator(CProgram program, JavaFlavor flavor) {
    this.program = program;
    this.flavor = flavor;
  }

  /**
   * @param program the parsed C program
   * @param flavor how to write Java
   * @param sourceName the C file's name, for comments
   * @param className the Java class to write
   * @return the Java source of the class
   * @throws ConversionException for anything the converter cannot translate faithfully
   */
  public static String translate(CProgram program, JavaFlavor flavor, String sourceName,
      String className) {
    ProgramTranslator t = new ProgramTranslator(program, flavor);
    t.body();
    return JavaClassWriter.write(program, flavor, t.code, sourceName, className);
  }

  // --- statements ----------------------------------------------------------------------

  private void body() {
    List<CStatement> body = program.body();
    for (index = 0; index < body.size(); index++) {
      CStatement s = body.get(index);
      if (returned && !(s instanceof CStatement.Comment)) {
        throw new ConversionException(s.line(), "code after return is never run");
      }
      if (s.blankBefore()) {
        code.blank();
      }
      try {
        statement(s);
      } catch (ConversionException e) {
        // a flavor does not know the line: give it the statement's
        throw e.line() > 0 ? e : new ConversionException(s.line(), e.getMessage());
      }
    }
    if (!returned) {
      flavor.exit(code, "0");
    }
  }

  private void statement(CStatement s) {
    if (s instanceof CStatement.Declaration d) {
      declaration(d);
    } else if (s instanceof CStatement.Expression e) {
      expression(e.expr());
    } else if (s instanceof CStatement.Return r) {
      exit(r);
    } else if (s instanceof CStatement.Comment c) {
      code.comment(c.text(), 2);
      if (c.text().contains("cannot get generated")) {
        flavor.afterToolComment(code);
      }
    }
  }

  private void declaration(CStatement.Declaration d) {
    VarKind kind = VarKind.of(d.type(), d.pointers());
    if (kind == null) {
      throw new ConversionException(d.line(), "variables of type " + d.type()
          + " *".repeat(d.pointers()) + " are not supported (the converter knows CURLcode, "
          + "CURL *, struct curl_slist *, curl_mime *, curl_mimepart * and integers)");
    }
    vars.declare(d.name(), kind, d.line());
    code.line(flavor.declare(kind, Variables.javaName(d.name())));
    if (d.init() != null) {
      assignment(d.name(), d.init(), d.line());
    }
  }

  private void expression(CExpr e) {
    if (e instanceof CExpr.Assign a) {
      assignment(a.variable(), a.value(), a.line());
    } else if (e instanceof CExpr.Call c) {
      call(c);
    } else {
      throw new ConversionException(e.line(), "a statement without effect");
    }
  }

  private void assignment(String var, CExpr value, int line) {
    VarKind kind = vars.kindOf(var, line);
    String name = Variables.javaName(var);
    if (value instanceof CExpr.Name n && n.name().equals("NULL")) {
      if (kind == VarKind.RESULT || kind == VarKind.NUMBER) {
        throw new ConversionException(line, "NULL assigned to " + var + ", a number");
      }
      flavor.assignNull(code, name, kind);
      vars.assign(var, true);
      return;
    }
    if (value instanceof CExpr.Call c) {
      String fn = c.function();
      switch (fn) {
        case "curl_easy_init" -> {
          want(kind, VarKind.EASY, var, fn, line);
          args(c, 0);
          flavor.easyInit(code, name);
        }
        case "curl_easy_perform" -> {
          if (kind != VarKind.RESULT && kind != VarKind.NUMBER) {
            throw new ConversionException(line, "the CURLcode of curl_easy_perform assigned "
                + "to " + var + ", a " + kind.cType());
          }
          args(c, 1);
          flavor.perform(code, name, easy(c.args().get(0)));
        }
        case "curl_slist_append" -> {
          want(kind, VarKind.SLIST, var, fn, line);
          args(c, 2);
          CExpr list = c.args().get(0);
          String source = null;
          boolean sourceNull = true;
          if (!isNullLiteral(list)) {
            source = vars.variable(list, VarKind.SLIST, fn);
            sourceNull = vars.isNull(((CExpr.Name) list).name());
          }
          String text = CStrings.cString(c.args().get(1), fn + "'s string");
          flavor.slistAppend(code, name, source, sourceNull, text, line);
        }
        case "curl_mime_init" -> {
          want(kind, VarKind.MIME, var, fn, line);
          args(c, 1);
          flavor.mimeInit(code, name, easy(c.args().get(0)));
        }
        case "curl_mime_addpart" -> {
          want(kind, VarKind.PART, var, fn, line);
          args(c, 1);
          flavor.mimeAddPart(code, name, vars.nonNull(c.args().get(0), VarKind.MIME, fn));
        }
        default -> {
          if (KNOWN_CALLS.contains(fn)) {
            throw new ConversionException(line, "assigning the result of " + fn + " is not "
                + "supported (curl --libcurl never uses it)");
          }
          throw unknownCall(c);
        }
      }
      vars.assign(var, false);
      return;
    }
    if ((kind == VarKind.RESULT || kind == VarKind.NUMBER) && CNumbers.isNumber(value)) {
      long v = CNumbers.value(value);
      String java = kind == VarKind.RESULT && v == (int) v ? Long.toString(v)
          : CNumbers.java(value, flavor::constantName);
      code.line(name + " = " + (kind == VarKind.RESULT && v != (int) v ? "(int) (" + java
          + ")" : java) + ";");
      vars.assign(var, false);
      return;
    }
    throw new ConversionException(line, "cannot translate the value assigned to " + var
        + " (the converter knows NULL, curl_easy_init, curl_easy_perform, curl_slist_append,"
        + " curl_mime_init and curl_mime_addpart)");
  }

  private void call(CExpr.Call c) {
    String fn = c.function();
    int line = c.line();
    List<CExpr> a = c.args();
    switch (fn) {
      case "curl_easy_setopt" -> setopt(c);
      case "curl_easy_perform" -> {
        args(c, 1);
        flavor.perform(code, null, easy(a.get(0)));
      }
      case "curl_easy_cleanup" -> {
        args(c, 1);
        if (isNullLiteral(a.get(0)) || (a.get(0) instanceof CExpr.Name n
            && vars.isNull(n.name()) && vars.kind(n.name()) == VarKind.EASY)) {
          code.line("// " + fn + "(NULL) does nothing");
        } else {
          flavor.easyCleanup(code, easy(a.get(0)));
        }
      }
      case "curl_easy_reset" -> {
        args(c, 1);
        flavor.easyReset(code, easy(a.get(0)), line);
      }
      case "curl_slist_free_all" -> {
        args(c, 1);
        if (isNullLiteral(a.get(0))) {
          code.line("// " + fn + "(NULL) does nothing");
        } else {
          String v = vars.variable(a.get(0), VarKind.SLIST, fn);
          flavor.slistFreeAll(code, Variables.javaName(v), vars.isNull(v));
        }
      }
      case "curl_mime_name", "curl_mime_filename", "curl_mime_type", "curl_mime_encoder" -> {
        args(c, 2);
        String part = vars.nonNull(a.get(0), VarKind.PART, fn);
        String text = isNullLiteral(a.get(1)) ? null : CStrings.cString(a.get(1), fn + "'s string");
        flavor.mimeString(code, fn, part, text);
      }
      case "curl_mime_data" -> {
        args(c, 3);
        String part = vars.nonNull(a.get(0), VarKind.PART, fn);
        if (!(a.get(1) instanceof CExpr.Str s)) {
          throw new ConversionException(line, fn + " takes a string literal here");
        }
        CExpr size = a.get(2);
        if (!CNumbers.isNumber(size)) {
          throw new ConversionException(line, fn + "'s size must be a number or "
              + "CURL_ZERO_TERMINATED");
        }
        long n = CNumbers.value(size);
        byte[] bytes;
        String text = null;
        if (n == -1) { // CURL_ZERO_TERMINATED
          bytes = CStrings.upToNul(s.bytes());
          text = JavaLiterals.utf8OrNull(bytes);
        } else {
          bytes = Postfields.sized(s.bytes(), n, fn, line, line);
        }
        flavor.mimeData(code, part, bytes, text);
      }
      case "curl_mime_filedata" -> {
        args(c, 2);
        String part = vars.nonNull(a.get(0), VarKind.PART, fn);
        flavor.mimeFiledata(code, part, CStrings.cString(a.get(1), fn + "'s file name"));
      }
      case "curl_mime_subparts" -> {
        args(c, 2);
        String part = vars.nonNull(a.get(0), VarKind.PART, fn);
        String mime = isNullLiteral(a.get(1)) ? null : vars.nonNull(a.get(1), VarKind.MIME, fn);
        flavor.mimeSubparts(code, part, mime);
      }
      case "curl_mime_headers" -> {
        args(c, 3);
        String part = vars.nonNull(a.get(0), VarKind.PART, fn);
        String slist = null;
        if (!isNullLiteral(a.get(1))) {
          String v = vars.variable(a.get(1), VarKind.SLIST, fn);
          slist = vars.isNull(v) ? null : Variables.javaName(v);
        }
        if (!CNumbers.isNumber(a.get(2))) {
          throw new ConversionException(line, fn + "'s take_ownership must be a number");
        }
        flavor.mimeHeaders(code, part, slist);
      }
      case "curl_mime_data_cb" -> dataCallback(c);
      case "curl_mime_free" -> {
        args(c, 1);
        if (isNullLiteral(a.get(0))) {
          code.line("// " + fn + "(NULL) does nothing");
        } else {
          String v = vars.variable(a.get(0), VarKind.MIME, fn);
          flavor.mimeFree(code, Variables.javaName(v), vars.isNull(v));
        }
      }
      case "curl_global_init" -> {
        args(c, 1);
        if (!CNumbers.isNumber(a.get(0))) {
          throw new ConversionException(line, fn + " takes CURL_GLOBAL_* flags");
        }
        flavor.global(code, fn, true, CNumbers.java(a.get(0), flavor::constantName));
      }
      case "curl_global_cleanup" -> {
        args(c, 0);
        flavor.global(code, fn, false, null);
      }
      default -> throw unknownCall(c);
    }
  }

  // --- curl_easy_setopt ----------------------------------------------------------------

  private void setopt(CExpr.Call c) {
    int line = c.line();
    args(c, 3);
    String handle = easy(c.args().get(0));
    CExpr opt = c.args().get(1);
    if (!(opt instanceof CExpr.Name on) || !on.name().startsWith("CURLOPT_")) {
      throw new ConversionException(line, "curl_easy_setopt's option must be a CURLOPT_* "
          + "name");
    }
    CurlOption<?> option = CurlSymbols.option(on.name()).orElseThrow(() ->
        new ConversionException(line, on.name() + " is not an option of the bundled libcurl"
            + " 8.21.0"));
    CExpr v = c.args().get(2);
    String name = on.name();
    OptionValue value;
    switch (option.cType()) {
      case LONG, VALUES, OFF_T -> {
        if (!CNumbers.isNumber(v)) {
          throw new ConversionException(line, name + " takes a number; " + whyNotNumber(v));
        }
        value = new OptionValue.Number(v, CNumbers.value(v));
      }
      case STRING -> value = isNullLiteral(v) ? new OptionValue.Null()
          : new OptionValue.Text(CStrings.upToNul(CStrings.literal(v, name)),
              CStrings.cString(v, name));
      case SLIST -> value = isNullLiteral(v) ? new OptionValue.Null()
          : listValue(v, name);
      case OBJECT -> {
        if (name.equals("CURLOPT_POSTFIELDS") || name.equals("CURLOPT_COPYPOSTFIELDS")) {
          value = isNullLiteral(v) ? new OptionValue.Null()
              : new OptionValue.Bytes(Postfields.bytes(program.body(), index,
                  handle, CStrings.literal(v, name), line));
        } else if (name.equals("CURLOPT_MIMEPOST")) {
          value = isNullLiteral(v) ? new OptionValue.Null()
              : new OptionValue.Variable(Variables.javaName(vars.nonNullVar(v, VarKind.MIME, name)),
                  VarKind.MIME);
        } else {
          throw new ConversionException(line, name + " takes a pointer to a C object; the "
              + "converter writes only MIMEPOST and POSTFIELDS objects");
        }
      }
      case FUNCTION, CBPTR -> throw new ConversionException(line, name + " takes a C "
          + (option.cType() == io.curlew.CurlOptionType.FUNCTION ? "function" : "data")
          + " pointer; the converter cannot translate C callbacks (curl --libcurl lists "
          + "such options in a comment instead of writing them)");
      case BLOB -> throw new ConversionException(line, name + " takes a struct curl_blob, "
          + "which the converter does not translate");
      default -> throw new ConversionException(line, name + " has a type the converter does "
          + "not know");
    }
    flavor.setopt(code, handle, option, value, line);
  }

  private OptionValue listValue(CExpr v, String option) {
    String var = vars.variable(v, VarKind.SLIST, option);
    return vars.isNull(var) ? new OptionValue.Null()
        : new OptionValue.Variable(Variables.javaName(var), VarKind.SLIST);
  }

  private String whyNotNumber(CExpr v) {
    while (v instanceof CExpr.Cast c && CNumbers.isNumber(new CExpr.Cast(c.type(),
        new CExpr.Int(0, "0", c.line()), c.line()))) {
      v = c.operand(); // an integer cast: the trouble is inside
    }
    if (v instanceof CExpr.Or o) {
      return whyNotNumber(CNumbers.isNumber(o.left()) ? o.right() : o.left());
    }
    if (v instanceof CExpr.Name n) {
      return vars.isDeclared(n.name()) ? n.name() + " is a variable, not a constant"
          : n.name() + " is not a numeric constant of libcurl 8.21.0";
    }
    if (v instanceof CExpr.Str) {
      return "a string literal is not one";
    }
    if (v instanceof CExpr.Cast c) {
      return "the cast to (" + c.type() + ") or its operand is not an integer one";
    }
    return "the converter cannot evaluate this expression";
  }

  // --- curl_mime_data_cb -----------------------------------------------------------------

  private void dataCallback(CExpr.Call c) {
    args(c, 6);
    List<CExpr> a = c.args();
    String fn = c.function();
    String part = vars.nonNull(a.get(0), VarKind.PART, fn);
    if (!CNumbers.isNumber(a.get(1))) {
      throw new ConversionException(c.line(), fn + "'s size must be a number");
    }
    boolean fread = isFunction(a.get(2), "fread", "curl_read_callback");
    boolean fseek = isFunction(a.get(3), "fseek", "curl_seek_callback");
    if (!fread || !(fseek || isNullLiteral(a.get(3))) || !isNullLiteral(a.get(4))
        || !(a.get(5) instanceof CExpr.Name s && s.name().equals("stdin"))) {
      throw new ConversionException(c.line(), fn + " is supported only as curl --libcurl "
          + "writes it for a part read from standard input: (curl_read_callback)fread, "
          + "(curl_seek_callback)fseek or NULL, NULL, stdin");
    }
    flavor.mimeDataFromStdin(code, part, CNumbers.value(a.get(1)), fseek);
  }

  private static boolean isFunction(CExpr e, String name, String castType) {
    if (e instanceof CExpr.Cast c && c.type().equals(castType)) {
      e = c.operand();
    }
    return e instanceof CExpr.Name n && n.name().equals(name);
  }

  // --- return --------------------------------------------------------------------------

  private void exit(CStatement.Return r) {
    CExpr v = r.value();
    String java;
    if (v == null) {
      java = "0";
    } else {
      CExpr inner = v instanceof CExpr.Cast c && c.type().equals("int") ? c.operand() : v;
      if (inner instanceof CExpr.Name n && vars.isDeclared(n.name())) {
        VarKind kind = vars.kind(n.name());
        if (kind != VarKind.RESULT && kind != VarKind.NUMBER) {
          throw new ConversionException(r.line(), "main returns " + n.name() + ", a "
              + kind.cType());
        }
        vars.requireAssigned(n.name(), r.line());
        java = kind == VarKind.RESULT ? Variables.javaName(n.name())
            : "(int) " + Variables.javaName(n.name());
      } else if (CNumbers.isNumber(v)) {
        java = Integer.toString((int) CNumbers.value(v));
      } else {
        throw new ConversionException(r.line(), "cannot translate main's return value");
      }
    }
    flavor.exit(code, java);
    returned = true;
  }

  // --- helpers ---------------------------------------------------------------------------

  private ConversionException unknownCall(CExpr.Call c) {
    String fn = c.function();
    if (fn.startsWith("curl_form")) {
      return new ConversionException(c.line(), fn + " belongs to the deprecated form API "
          + "(CURLOPT_HTTPPOST), which curl --libcurl wrote before curl 7.56.0; regenerate "
          + "the file with a newer curl, which writes curl_mime_* calls");
    }
    return new ConversionException(c.line(), "call to " + fn + " is not supported; the "
        + "converter knows the calls curl --libcurl writes: " + String.join(", ", KNOWN_CALLS));
  }

  private static void args(CExpr.Call c, int n) {
    if (c.args().size() != n) {
      throw new ConversionException(c.line(), c.function() + " takes " + n + " argument"
          + (n == 1 ? "" : "s") + ", not " + c.args().size());
    }
  }

  private static void want(VarKind kind, VarKind expected, String var, String fn, int line) {
    if (kind != expected) {
      throw new ConversionException(line, fn + " gives a " + expected.cType() + ", but " + var
          + " is a " + kind.cType());
    }
  }

  private String easy(CExpr e) {
    return vars.nonNull(e, VarKind.EASY, "a curl_easy_* call");
  }

  private static boolean isNullLiteral(CExpr e) {
    CExpr x = e instanceof CExpr.Cast c ? c.operand() : e;
    return (x instanceof CExpr.Name n && n.name().equals("NULL"))
        || (x instanceof CExpr.Int i && i.value() == 0 && e instanceof CExpr.Cast);
  }
}
