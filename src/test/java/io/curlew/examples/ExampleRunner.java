package io.curlew.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the example tests share: the sources in {@code examples/} compiled once per JVM
 * (against the test class path, with -Xlint:all, for Java 17), and each example program run
 * in a JVM of its own with -Xcheck:jni, its standard output and error captured. One runner
 * per test class: it owns a work directory and the processes it started.
 */
final class ExampleRunner implements AutoCloseable {

  /** How long one example program may take. */
  static final long RUN_SECONDS = 60;
  /** What -Xcheck:jni or a crashing JVM prints. */
  static final Pattern JNI_TROUBLE = Pattern.compile(
      "WARNING in native method|FATAL ERROR in native method|JNI call made|"
          + "handler modified|A fatal error has been detected");

  private static Path compiled;

  /** The directory that holds the examples. */
  static Path examplesDir() {
    return Paths.get(System.getProperty("curlew.examples.dir", "examples")).toAbsolutePath();
  }

  /** Compiles every example source once per JVM; later calls return the same classes. */
  static synchronized Path compiledClasses() throws IOException {
    if (compiled != null) {
      return compiled;
    }
    Path dir = Files.createTempDirectory("curlew-examples-classes");
    List<File> files = sources().stream().map(Path::toFile).collect(Collectors.toList());
    assertTrue(files.size() >= 17, "example sources found in " + examplesDir() + ": " + files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(out, fm, diagnostics, List.of("-d", dir.toString(),
          "-classpath", System.getProperty("java.class.path"), "--release", "17",
          "-Xlint:all", "-encoding", "UTF-8"), null,
          fm.getJavaFileObjectsFromFiles(files)).call();
      assertTrue(ok, "the examples do not compile:\n" + out + diagnostics.getDiagnostics());
    }
    compiled = dir;
    return dir;
  }

  /** @return every .java file under examples/ */
  static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(examplesDir())) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * The example programs: sources with a {@code public static void main(String[] args)}, by
   * class name ("examples.easy.SimpleGet").
   */
  static Map<String, Path> programs() throws IOException {
    Pattern main = Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(\\s*String\\s*\\[\\]");
    Map<String, Path> out = new TreeMap<>();
    Path base = examplesDir().getParent();
    for (Path p : sources()) {
      if (main.matcher(Files.readString(p)).find()) {
        String rel = base.relativize(p).toString().replace(File.separatorChar, '.');
        out.put(rel.substring(0, rel.length() - ".java".length()), p);
      }
    }
    return out;
  }

  final Path work;
  final Path classes;
  final URLClassLoader loader;
  private final List<Process> started = new ArrayList<>();

  ExampleRunner() throws IOException {
    work = Files.createTempDirectory("curlew-examples");
    classes = compiledClasses();
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ExampleRunner.class.getClassLoader());
  }

  /**
   * Starts an {@code examples.support.ExampleServer} in this JVM.
   *
   * @return the server, to drive by reflection
   */
  Object startServer() throws ReflectiveOperationException {
    return loader.loadClass("examples.support.ExampleServer").getMethod("start").invoke(null);
  }

  /** Makes {@link #killLeftovers} kill a process the caller started. */
  void track(Process p) {
    started.add(p);
  }

  /** Kills what the last test left running. */
  void killLeftovers() {
    for (Process p : started) {
      p.destroyForcibly();
    }
    started.clear();
  }

  @Override
  public void close() throws IOException {
    killLeftovers();
    loader.close();
  }

  /**
   * Runs an example program and fails on JNI warnings or a JVM crash.
   *
   * @param cwd the working directory
   * @param mainClass e.g. "examples.easy.SimpleGet"
   * @param stdin what the program reads, or null for nothing
   * @param env extra environment variables
   * @param args its arguments
   */
  Run java(Path cwd, String mainClass, byte[] stdin, Map<String, String> env, String... args)
      throws Exception {
    Run r = launch(cwd, mainClass, stdin, env, args);
    assertNoJniTrouble(mainClass, r);
    return r;
  }

  /** Like {@link #java} without the JNI check, for callers that filter the output first. */
  Run launch(Path cwd, String mainClass, byte[] stdin, Map<String, String> env, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xcheck:jni", "--enable-native-access=ALL-UNNAMED",
        "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
        mainClass));
    cmd.addAll(List.of(args));
    return exec(cmd, stdin, cwd, env);
  }

  static void assertNoJniTrouble(String name, Run r) {
    Matcher trouble = JNI_TROUBLE.matcher(r.out + r.err);
    if (trouble.find()) {
      fail(name + " printed a JNI warning or crashed:\n" + r.out + "\n" + r.err);
    }
  }

  /** Runs any program, with a time limit; output is read as ISO-8859-1. */
  Run exec(List<String> cmd, byte[] stdin, Path cwd, Map<String, String> env)
      throws Exception {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    } else {
      Path in = Files.createTempFile(work, "in", ".txt");
      Files.write(in, stdin);
      pb.redirectInput(in.toFile());
    }
    Process p = pb.start();
    started.add(p);
    if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(cmd + " did not finish in " + RUN_SECONDS + " s; stdout so far:\n"
          + Files.readString(out, StandardCharsets.ISO_8859_1) + "\nstderr so far:\n"
          + Files.readString(err, StandardCharsets.ISO_8859_1));
    }
    return new Run(p.exitValue(), read(out), read(err));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a program did: exit status, standard output and standard error. */
  static final class Run {
    final int exit;
    final String out;
    final String err;

    Run(int exit, String out, String err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    void assertExit(int expected) {
      assertEquals(expected, exit, "exit status; stdout:\n" + out + "\nstderr:\n" + err);
    }

    /** @return stdout as lines */
    List<String> lines() {
      return out.lines().collect(Collectors.toList());
    }
  }
}
