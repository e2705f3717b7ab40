package io.curlew.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the translated body of {@code main} into a Java source file: the C program's
 * banner comment, the imports the flavor used (static ones first), a class with Javadoc,
 * {@code main}, the flavor's helpers, and the C program's closing comment.
 */
final class JavaClassWriter {

  private JavaClassWriter() {
  }

  static String write(CProgram program, JavaFlavor flavor, JavaCode code, String sourceName,
      String className) {
    JavaCode tail = new JavaCode(4);
    tail.close("}");
    flavor.helpers(tail, className);
    JavaCode out = new JavaCode();
    for (String comment : program.preamble()) {
      out.comment(comment, 0);
    }
    out.line("// Converted by io.curlew.tools.LibcurlToJava from " + sourceName + ".");
    out.blank();
    List<String> imports = new ArrayList<>(flavor.imports());
    imports.sort(Comparator.comparing((String i) -> !i.startsWith("static "))
        .thenComparing(i -> i));
    String kind = "";
    for (String imp : imports) {
      String k = imp.startsWith("static ") ? "static" : imp.substring(0, imp.indexOf('.'));
      if (!kind.isEmpty() && !k.equals(kind)) {
        out.line("");
      }
      kind = k;
      out.line("import " + imp + ";");
    }
    out.blank();
    out.line("/**");
    for (String l : wrap("The program {@code " + sourceName.replace("*/", "* /")
        .replace("@", "&#64;") + "}, written by curl's {@code --libcurl}, in Java: "
        + flavor.layer(), 86)) {
      out.line(" * " + l);
    }
    out.line(" */");
    out.open("public final class " + className + " {");
    out.blank();
    out.open("private " + className + "() {");
    out.close("}");
    out.blank();
    out.line("/**");
    out.line(" * Runs the transfers and exits with the status the C program returns.");
    out.line(" *");
    out.line(" * @param args not used, as the C program uses neither argc nor argv");
    out.line(" */");
    out.open("public static void main(String[] args) {");
    String body = code.toString();
    StringBuilder text = new StringBuilder(out.toString()).append(body);
    JavaCode end = new JavaCode();
    end.line("}");
    for (String comment : program.trailer()) {
      end.comment(comment, 0);
    }
    return text.append(tail).append(end).toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
