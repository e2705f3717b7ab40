package io.curlew.tools;

import io.curlew.CurlMime;
import io.curlew.CurlOption;
import io.curlew.CurlValue;
import io.curlew.SslVersion;
import io.curlew.SslVersionMax;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the program against curlew's idiomatic layer: a {@code CurlEasy} with typed
 * {@code setOption(CurlOption.X, value)} calls (Booleans, Durations, enums such as
 * {@code HttpVersion}), {@code List<String>} for string lists, {@code CurlMime} for
 * forms, and {@code perform()} with its {@code CurlException} turned back into the
 * CURLcode the C program returns.
 *
 * <p>The tool's {@code (long)(CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_3)} for
 * {@code --tls-max} becomes {@code tlsVersions(min, max)}. What this layer cannot say is
 * refused with the line: a value with no constant in the option's enum, a 0/1 option set
 * to another number, CR or LF in a string (the layer rejects them), options it does not
 * support.
 */
public final class IdiomaticFlavor implements JavaFlavor {

  private final Set<String> imports = new TreeSet<>();
  private final Set<String> explained = new java.util.HashSet<>();
  /** handles whose allowed protocols the program or this flavor has set */
  private final Set<String> protocolsSet = new java.util.HashSet<>();
  private boolean stdinHelper;

  /** A flavor for one program. */
  public IdiomaticFlavor() {
  }

  @Override
  public Set<String> imports() {
    return imports;
  }

  @Override
  public String layer() {
    return "curlew's idiomatic layer, {@link io.curlew.CurlEasy} with typed "
        + "{@link io.curlew.CurlOption}s.";
  }

  private String use(String imp, String simple) {
    imports.add(imp);
    return simple;
  }

  @Override
  public String declare(VarKind kind, String name) {
    String type = switch (kind) {
      case RESULT -> "int";
      case EASY -> use("io.curlew.CurlEasy", "CurlEasy");
      case SLIST -> use("java.util.List", "List<String>");
      case MIME -> use("io.curlew.CurlMime", "CurlMime");
      case PART -> use("io.curlew.CurlMime", "CurlMime.Part");
      case NUMBER -> "long";
    };
    return type + " " + name + ";";
  }

  @Override
  public void easyInit(JavaCode code, String var) {
    code.line(var + " = new " + use("io.curlew.CurlEasy", "CurlEasy") + "();");
    code.line(var + ".downloadTo(System.out); // as libcurl without a write callback");
  }

  @Override
  public void easyCleanup(JavaCode code, String var) {
    code.line(var + ".close();");
  }

  @Override
  public void easyReset(JavaCode code, String var, int line) {
    code.line(var + ".reset();");
    code.line(var + ".downloadTo(System.out);");
  }

  @Override
  public void perform(JavaCode code, String result, String var) {
    imports.add("io.curlew.CurlException");
    code.open("try {");
    code.line(var + ".perform();");
    if (result != null) {
      code.line(result + " = 0; // CURLE_OK");
    }
    code.reopen("} catch (CurlException e) {");
    if (result != null) {
      code.line(result + " = e.rawCode();");
    }
    code.line("System.err.println(e.getMessage());");
    code.close("}");
  }

  @Override
  public void setopt(JavaCode code, String var, CurlOption<?> option, OptionValue value,
      int line) {
    String name = "CURLOPT_" + option.name();
    if (!option.isSupported()) {
      throw new ConversionException(line, name + " cannot be set in curlew's idiomatic layer"
          + "; convert without --idiomatic to use the raw layer");
    }
    Class<?> type = option.valueType();
    if (option == CurlOption.SSLVERSION && value instanceof OptionValue.Number n
        && (n.value() & ~0xffffL) != 0) {
      tlsVersions(code, var, n, line);
      return;
    }
    String v;
    if (value instanceof OptionValue.Null) {
      v = "null";
    } else if (value instanceof OptionValue.Number n) {
      v = number(option, n, type, line);
    } else if (value instanceof OptionValue.Text t && type == String.class) {
      v = JavaLiterals.string(noNewline(t.text(), name, line));
    } else if (value instanceof OptionValue.Bytes b && type == byte[].class) {
      imports.add("java.nio.charset.StandardCharsets");
      v = JavaLiterals.bytes(b.bytes());
    } else if (value instanceof OptionValue.Variable x
        && ((x.kind() == VarKind.SLIST && type == List.class)
        || (x.kind() == VarKind.MIME && type == CurlMime.class))) {
      v = x.name();
    } else {
      throw new ConversionException(line, name + " takes a " + type.getSimpleName()
          + " in curlew's idiomatic layer, which this value is not");
    }
    if (option.name().equals("PROTOCOLS_STR")) {
      protocolsSet.add(var);
    }
    if (option.name().equals("URL") && value instanceof OptionValue.Text t) {
      allowScheme(code, var, t.text());
    }
    String call = var + ".setOption(" + use("io.curlew.CurlOption", "CurlOption") + "."
        + option.name() + ",";
    code.call(call, v, ");");
  }

  /**
   * C libcurl allows every protocol it was built with; curlew's idiomatic layer only http
   * and https until told more. A URL of another scheme (file, ftp, ws, ...) gets that
   * scheme allowed first, unless the program sets the protocols itself.
   */
  private void allowScheme(JavaCode code, String var, String url) {
    int end = url.indexOf("://");
    if (end <= 0 || protocolsSet.contains(var)) {
      return;
    }
    String scheme = url.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")
        || !scheme.matches("[a-z][a-z0-9+.-]*")) {
      return;
    }
    protocolsSet.add(var);
    code.line("// C libcurl allows every protocol, curlew's CurlEasy only http and https "
        + "unless told");
    code.line(var + ".protocols(\"http,https," + scheme + "\");");
  }

  /**
   * {@code --tls-max}: the tool or-s a maximum into CURLOPT_SSLVERSION, which curlew's
   * {@code tlsVersions(min, max)} takes as two constants.
   */
  private void tlsVersions(JavaCode code, String var, OptionValue.Number n, int line) {
    long min = n.value() & 0xffffL;
    long max = n.value() & ~0xffffL;
    String minName = CurlSymbols.enumConstant(SslVersion.class, min).orElse(null);
    String maxName = CurlSymbols.enumConstant(SslVersionMax.class, max).orElse(null);
    if (minName == null || maxName == null) {
      throw new ConversionException(line, "CURLOPT_SSLVERSION is set to " + n.value()
          + ", which is no pair of curlew's SslVersion and SslVersionMax constants; "
          + "convert without --idiomatic to use the raw layer");
    }
    code.line(var + ".tlsVersions(" + use(SslVersion.class.getName(), "SslVersion") + "."
        + minName + ", " + use(SslVersionMax.class.getName(), "SslVersionMax") + "." + maxName
        + ");");
  }

  private String number(CurlOption<?> option, OptionValue.Number n, Class<?> type,
      int line) {
    String name = "CURLOPT_" + option.name();
    long value = n.value();
    if (type == Boolean.class) {
      if (value != 0 && value != 1) {
        throw new ConversionException(line, name + " is a Boolean in curlew's idiomatic "
            + "layer, but the program sets it to " + value);
      }
      return value == 1 ? "true" : "false";
    }
    if (type == Long.class) {
      String java = CNumbers.java(n.expr(), this::constantName);
      return CNumbers.isLongInJava(n.expr()) ? java : "(long) (" + java + ")";
    }
    if (type == Duration.class) {
      imports.add("java.time.Duration");
      return CurlSymbols.isMillis(option) ? "Duration.ofMillis(" + value + ")"
          : "Duration.ofSeconds(" + value + ")";
    }
    if (CurlValue.class.isAssignableFrom(type) && type.isEnum()) {
      String constant = CurlSymbols.enumConstant(type, value).orElseThrow(() ->
          new ConversionException(line, name + " is set to " + value + " ("
              + CNumbers.java(n.expr(), c -> c) + "), which no constant of curlew's "
              + type.getSimpleName() + " has, and the idiomatic layer takes only those; "
              + "convert without --idiomatic to use the raw layer"));
      return use(type.getName(), type.getSimpleName()) + "." + constant;
    }
    throw new ConversionException(line, name + " takes a " + type.getSimpleName()
        + " in curlew's idiomatic layer, not a number");
  }

  private static String noNewline(String s, String where, int line) {
    if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
      throw new ConversionException(line, where + ": the string holds CR or LF, which "
          + "curlew's idiomatic layer rejects; convert without --idiomatic");
    }
    return s;
  }

  @Override
  public void assignNull(JavaCode code, String var, VarKind kind) {
    if (kind == VarKind.SLIST) {
      imports.add("java.util.ArrayList");
      code.line(var + " = new ArrayList<>();" + (explained.add(var)
          ? " // an empty list: libcurl's NULL list" : ""));
    } else {
      code.line(var + " = null;");
    }
  }

  @Override
  public void slistAppend(JavaCode code, String target, String source, boolean sourceIsNull,
      String text, int line) {
    String literal = JavaLiterals.string(noNewline(text, "curl_slist_append", line));
    if (source == null) {
      imports.add("java.util.ArrayList");
      code.line(target + " = new ArrayList<>();");
      code.line(target + ".add(" + literal + ");");
    } else {
      code.line(source + ".add(" + literal + ");");
      if (!source.equals(target)) {
        code.line(target + " = " + source + ";");
      }
    }
  }

  @Override
  public void slistFreeAll(JavaCode code, String var, boolean isNull) {
    code.line(var + ".clear();");
  }

  @Override
  public void mimeInit(JavaCode code, String var, String easy) {
    code.line(var + " = new " + use("io.curlew.CurlMime", "CurlMime") + "(" + easy + ");");
  }

  @Override
  public void mimeAddPart(JavaCode code, String part, String mime) {
    code.line(part + " = " + mime + ".addPart();");
  }

  @Override
  public void mimeString(JavaCode code, String function, String part, String text) {
    String method = function.substring("curl_mime_".length());
    code.line(part + "." + method + "(" + (text == null ? "null"
        : JavaLiterals.string(noNewline(text, function, 0))) + ");");
  }

  @Override
  public void mimeData(JavaCode code, String part, byte[] bytes, String text) {
    if (text != null) {
      code.line(part + ".data(" + JavaLiterals.string(text) + ");");
    } else {
      imports.add("java.nio.charset.StandardCharsets");
      code.line(part + ".data(" + JavaLiterals.bytes(bytes) + ");");
    }
  }

  @Override
  public void mimeFiledata(JavaCode code, String part, String file) {
    code.line(part + ".file(" + use("java.nio.file.Path", "Path") + ".of("
        + JavaLiterals.string(file) + "));");
  }

  @Override
  public void mimeSubparts(JavaCode code, String part, String mime) {
    if (mime == null) {
      throw new ConversionException(0, "curl_mime_subparts with NULL has no form in "
          + "curlew's idiomatic layer; convert without --idiomatic");
    }
    code.line(part + ".subparts(" + mime + ");");
  }

  @Override
  public void mimeHeaders(JavaCode code, String part, String slist) {
    code.line(part + ".headers(" + (slist == null ? use("java.util.List", "List") + ".of()"
        : slist) + ");");
  }

  @Override
  public void mimeDataFromStdin(JavaCode code, String part, long size, boolean seek) {
    stdinHelper = true;
    code.line(part + ".data(" + size + ", Stdin::read, null); // from standard input; a "
        + "stream cannot seek");
  }

  @Override
  public void mimeFree(JavaCode code, String var, boolean isNull) {
    if (isNull) {
      code.line("// curl_mime_free(" + var + ") does nothing: " + var + " is NULL here");
    } else {
      code.line(var + ".close();");
    }
  }

  @Override
  public void global(JavaCode code, String call, boolean init, String flags) {
    code.line("// " + call + "(" + (flags == null ? "" : flags) + "): curlew initializes "
        + "libcurl itself");
  }

  @Override
  public void exit(JavaCode code, String value) {
    code.line("System.out.flush();");
    code.line("System.exit(" + value + ");");
  }

  @Override
  public void afterToolComment(JavaCode code) {
    code.line("// Here the body goes to System.out (downloadTo after new CurlEasy()) and, as "
        + "in");
    code.line("// libcurl, an upload without a read callback is read from System.in.");
  }

  @Override
  public void helpers(JavaCode code, String className) {
    if (!stdinHelper) {
      return;
    }
    imports.add("io.curlew.callback.Chunk");
    imports.add("java.io.IOException");
    code.blank();
    code.line("/** Reads MIME part content from standard input, as the C program's fread. */");
    code.open("private static final class Stdin {");
    code.blank();
    code.line("/** @return the bytes put into the chunk, 0 at the end of the input */");
    code.open("static int read(Chunk chunk) throws IOException {");
    code.line("byte[] bytes = new byte[chunk.length()];");
    code.line("int n = System.in.read(bytes);");
    code.open("if (n <= 0) {");
    code.line("return 0;");
    code.close("}");
    code.line("chunk.put(0, bytes, 0, n);");
    code.line("return n;");
    code.close("}");
    code.close("}");
  }

  @Override
  public String constantName(String cName) {
    return use("io.curlew.raw.LibCurl", "LibCurl") + "." + cName;
  }
}
