package io.curlew.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * "--libcurl for Java": turns the C program that curl's command-line tool writes with
 * {@code --libcurl file.c} into a Java program that performs the same transfer with
 * curlew, against its raw layer ({@code io.curlew.raw.LibCurl}, libcurl's C names) or,
 * with {@code --idiomatic}, its idiomatic layer ({@code CurlEasy} and {@code CurlOption}).
 *
 * <pre>
 * java -cp curlew.jar io.curlew.tools.LibcurlToJava file.c [--class Name] [--idiomatic]
 *     [-o Out.java]
 * </pre>
 *
 * <p>Without {@code -o} the Java source goes to standard output; the class name defaults
 * to the output file's name, else to the C file's name in CamelCase. Anything the
 * converter cannot translate faithfully is reported as {@code file.c:LINE: message} on
 * standard error, with exit status 1 (2 for a usage error). No native code is loaded.
 *
 * <p>The work is split by concern: {@link CLexer} and {@link CParser} read the C
 * (with {@link CLiteral} decoding its literals), {@link ProgramTranslator} checks each
 * statement against libcurl's API ({@link CurlSymbols}), and a {@link JavaFlavor}
 * ({@link RawFlavor}, {@link IdiomaticFlavor}) writes the Java.
 */
public final class LibcurlToJava {

  private static final String USAGE = "usage: java -cp curlew.jar io.curlew.tools.LibcurlToJava"
      + " file.c [--class Name] [--idiomatic] [-o Out.java]";

  private LibcurlToJava() {
  }

  /**
   * Converts one program.
   *
   * @param cSource the C program, as curl --libcurl wrote it
   * @param sourceName its file name, for comments
   * @param className the Java class to write
   * @param idiomatic whether to use the idiomatic layer rather than the raw one
   * @return the Java source
   * @throws ConversionException naming the line of the first thing it cannot translate
   */
  public static String convert(String cSource, String sourceName, String className,
      boolean idiomatic) {
    if (!className.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
      throw new IllegalArgumentException("not a Java class name: " + className);
    }
    CProgram program = CParser.parse(cSource);
    JavaFlavor flavor = idiomatic ? new IdiomaticFlavor() : new RawFlavor();
    return ProgramTranslator.translate(program, flavor, sourceName, className);
  }

  /**
   * @param fileName a file name such as {@code data_binary.c} or {@code Out.java}
   * @return a Java class name from it: {@code DataBinary}, {@code Out}
   */
  public static String classNameFor(String fileName) {
    String base = fileName.replaceFirst("\\.[^.]*$", "");
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (char c : base.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
      b.insert(0, "Libcurl");
    }
    return b.toString();
  }

  /**
   * The command line.
   *
   * @param args {@code file.c [--class Name] [--idiomatic] [-o Out.java]}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * The command line, without exiting.
   *
   * @param args the arguments
   * @param out where the Java source goes without {@code -o}
   * @param err where messages go
   * @return the exit status: 0, 1 for a program it cannot convert, 2 for a usage error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String input = null;
    String className = null;
    String output = null;
    boolean idiomatic = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--idiomatic" -> idiomatic = true;
        case "--class", "-o" -> {
          if (i + 1 >= args.length) {
            err.println(a + " needs a value\n" + USAGE);
            return 2;
          }
          if (a.equals("-o")) {
            output = args[++i];
          } else {
            className = args[++i];
          }
        }
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          if (a.startsWith("-") && !a.equals("-")) {
            err.println("unknown option " + a + "\n" + USAGE);
            return 2;
          }
          if (input != null) {
            err.println("one input file only\n" + USAGE);
            return 2;
          }
          input = a;
        }
      }
    }
    if (input == null) {
      err.println(USAGE);
      return 2;
    }
    if (className == null) {
      className = classNameFor(Paths.get(output != null ? output : input).getFileName()
          .toString());
    }
    if (!className.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
      err.println("not a Java class name: " + className);
      return 2;
    }
    if (output != null && !Paths.get(output).getFileName().toString()
        .equals(className + ".java")) {
      err.println("warning: a public class " + className + " belongs in " + className
          + ".java, not " + output);
    }
    byte[] raw;
    try {
      raw = Files.readAllBytes(Paths.get(input));
    } catch (IOException e) {
      err.println("cannot read " + input + ": " + e.getMessage());
      return 1;
    }
    int bad = JavaLiterals.firstNonUtf8(raw);
    if (bad >= 0) {
      int line = 1;
      for (int i = 0; i < bad; i++) {
        line += raw[i] == '\n' ? 1 : 0;
      }
      err.println(input + ":" + line + ": the file is not UTF-8 text (curl --libcurl writes "
          + "ASCII, with C escapes for other bytes)");
      return 1;
    }
    String source = new String(raw, StandardCharsets.UTF_8);
    String java;
    String name = Paths.get(input).getFileName().toString();
    try {
      java = convert(source, name, className, idiomatic);
    } catch (ConversionException e) {
      err.println(input + ":" + (e.line() > 0 ? e.line() + ": " : " ")
          + e.getMessage().replaceFirst("^line \\d+: ", ""));
      return 1;
    }
    if (output == null) {
      out.print(java);
      out.flush();
      return 0;
    }
    try {
      Path o = Paths.get(output);
      Files.writeString(o, java, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("cannot write " + output + ": " + e.getMessage().toLowerCase(Locale.ROOT));
      return 1;
    }
    return 0;
  }
}
