package io.curlew.tools;

import io.curlew.CurlOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the program against curlew's raw layer, {@code io.curlew.raw.LibCurl}, which
 * keeps libcurl's C names: nearly every C statement becomes the same Java statement.
 * Strings become Java strings (UTF-8), binary POSTFIELDS and MIME data become
 * {@code byte[]}, {@code NULL} becomes {@code null} (cast to the overload's type where
 * {@code curl_easy_setopt} needs it), and the tool's {@code (curl_read_callback)fread} on
 * {@code stdin} becomes a small method reading {@code System.in}.
 */
public final class RawFlavor implements JavaFlavor {

  private final Set<String> imports = new TreeSet<>(Set.of("static io.curlew.raw.LibCurl.*"));
  private boolean stdinHelpers;

  /** A flavor for one program. */
  public RawFlavor() {
  }

  @Override
  public Set<String> imports() {
    return imports;
  }

  @Override
  public String layer() {
    return "curlew's raw layer, {@link io.curlew.raw.LibCurl}, with libcurl's C names.";
  }

  @Override
  public String declare(VarKind kind, String name) {
    String type = switch (kind) {
      case RESULT -> "int";
      case EASY -> use("io.curlew.raw.CURL", "CURL");
      case SLIST -> use("io.curlew.raw.curl_slist", "curl_slist");
      case MIME -> use("io.curlew.raw.curl_mime", "curl_mime");
      case PART -> use("io.curlew.raw.curl_mimepart", "curl_mimepart");
      case NUMBER -> "long";
    };
    return type + " " + name + ";";
  }

  private String use(String imp, String simple) {
    imports.add(imp);
    return simple;
  }

  @Override
  public void easyInit(JavaCode code, String var) {
    code.line(var + " = curl_easy_init();");
  }

  @Override
  public void easyCleanup(JavaCode code, String var) {
    code.line("curl_easy_cleanup(" + var + ");");
  }

  @Override
  public void easyReset(JavaCode code, String var, int line) {
    code.line("curl_easy_reset(" + var + ");");
  }

  @Override
  public void perform(JavaCode code, String result, String var) {
    code.line((result == null ? "" : result + " = ") + "curl_easy_perform(" + var + ");");
  }

  @Override
  public void setopt(JavaCode code, String var, CurlOption<?> option, OptionValue value,
      int line) {
    String v;
    if (value instanceof OptionValue.Number n) {
      v = CNumbers.java(n.expr(), this::constantName);
    } else if (value instanceof OptionValue.Text t) {
      v = JavaLiterals.string(t.text());
    } else if (value instanceof OptionValue.Bytes b) {
      v = bytes(b.bytes());
    } else if (value instanceof OptionValue.Variable x) {
      v = x.name();
    } else {
      v = switch (option.cType()) {
        case STRING -> "(String) null";
        case SLIST -> use("io.curlew.raw.curl_slist", "(curl_slist) null");
        default -> option.name().equals("MIMEPOST")
            ? use("io.curlew.raw.curl_mime", "(curl_mime) null") : "(byte[]) null";
      };
    }
    String call = "curl_easy_setopt(" + var + ", CURLOPT_" + option.name() + ",";
    code.call(call, v, ");");
  }

  private String bytes(byte[] b) {
    imports.add("java.nio.charset.StandardCharsets");
    return JavaLiterals.bytes(b);
  }

  @Override
  public void assignNull(JavaCode code, String var, VarKind kind) {
    code.line(var + " = null;");
  }

  @Override
  public void slistAppend(JavaCode code, String target, String source, boolean sourceIsNull,
      String text, int line) {
    code.line(target + " = curl_slist_append(" + (source == null ? "null" : source) + ", "
        + JavaLiterals.string(text) + ");");
  }

  @Override
  public void slistFreeAll(JavaCode code, String var, boolean isNull) {
    code.line("curl_slist_free_all(" + var + ");");
  }

  @Override
  public void mimeInit(JavaCode code, String var, String easy) {
    code.line(var + " = curl_mime_init(" + easy + ");");
  }

  @Override
  public void mimeAddPart(JavaCode code, String part, String mime) {
    code.line(part + " = curl_mime_addpart(" + mime + ");");
  }

  @Override
  public void mimeString(JavaCode code, String function, String part, String text) {
    code.line(function + "(" + part + ", " + (text == null ? "null" : JavaLiterals.string(text))
        + ");");
  }

  @Override
  public void mimeData(JavaCode code, String part, byte[] bytes, String text) {
    if (text != null) {
      code.line("curl_mime_data(" + part + ", " + JavaLiterals.string(text)
          + ", CURL_ZERO_TERMINATED);");
    } else {
      code.line("curl_mime_data(" + part + ", " + bytes(bytes) + ", " + bytes.length + ");");
    }
  }

  @Override
  public void mimeFiledata(JavaCode code, String part, String file) {
    code.line("curl_mime_filedata(" + part + ", " + JavaLiterals.string(file) + ");");
  }

  @Override
  public void mimeSubparts(JavaCode code, String part, String mime) {
    code.line("curl_mime_subparts(" + part + ", " + (mime == null ? "null" : mime) + ");");
  }

  @Override
  public void mimeHeaders(JavaCode code, String part, String slist) {
    code.line("curl_mime_headers(" + part + ", " + (slist == null ? "null" : slist) + ", 1);");
  }

  @Override
  public void mimeDataFromStdin(JavaCode code, String part, long size, boolean seek) {
    stdinHelpers = true;
    code.line("curl_mime_data_cb(" + part + ", " + size + ", Stdio::fread, "
        + (seek ? "Stdio::fseek" : "null") + ", null, System.in);");
  }

  @Override
  public void mimeFree(JavaCode code, String var, boolean isNull) {
    code.line("curl_mime_free(" + var + ");");
  }

  @Override
  public void global(JavaCode code, String call, boolean init, String flags) {
    code.line(init ? "curl_global_init(" + flags + ");" : "curl_global_cleanup();");
  }

  @Override
  public void exit(JavaCode code, String value) {
    code.line("System.out.flush();");
    code.line("System.exit(" + value + ");");
  }

  @Override
  public void afterToolComment(JavaCode code) {
    code.line("// Without these callbacks curlew's raw layer does what libcurl does: the "
        + "response body");
    code.line("// goes to System.out and an upload is read from System.in.");
  }

  @Override
  public void helpers(JavaCode code, String className) {
    if (!stdinHelpers) {
      return;
    }
    imports.add("io.curlew.raw.CurlBuffer");
    imports.add("java.io.IOException");
    imports.add("java.io.InputStream");
    code.blank();
    code.line("/** C's fread and fseek on a stream, for the tool's MIME parts read from stdin. */");
    code.open("private static final class Stdio {");
    code.blank();
    code.line("/** @return the bytes read from the stream (an InputStream) into the buffer */");
    code.open("static long fread(CurlBuffer buffer, long size, long nitems, Object stream) {");
    code.line("byte[] bytes = new byte[(int) Math.min(size * nitems, 65536)];");
    code.open("try {");
    code.line("int n = ((InputStream) stream).read(bytes);");
    code.open("if (n <= 0) {");
    code.line("return 0;");
    code.close("}");
    code.line("buffer.copyFrom(0, bytes, 0, n);");
    code.line("return n / size;");
    code.reopen("} catch (IOException e) {");
    code.line("return CURL_READFUNC_ABORT;");
    code.close("}");
    code.close("}");
    code.blank();
    code.line("/** @return CURL_SEEKFUNC_CANTSEEK: a Java stream cannot be rewound */");
    code.open("static int fseek(Object stream, long offset, int origin) {");
    code.line("return CURL_SEEKFUNC_CANTSEEK;");
    code.close("}");
    code.close("}");
  }

  @Override
  public String constantName(String cName) {
    return cName;
  }
}
