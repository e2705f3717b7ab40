package io.curlew.libtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * curl's own test suite against curlew's raw layer: runs curl's runtests.pl on every test
 * whose libtest program has a Java port ({@link Ports}), with a "libtests" program that
 * runs the ports in a JVM on curlew (see {@link Main}), and fails on any test runtests does
 * not report OK. Every check is curl's: request bytes, stdout, response data, files, exit
 * codes.
 *
 * <p>The harness (curl CLI, test servers, C libtests) comes from
 * {@code cmake/curl-testsuite.sh}, built from the same curl and options as the bundled
 * libcurl and cached outside target/. The runs use a shadow of its test tree whose
 * {@code libtest/libtests} is a script that starts this JVM's java with this class path.
 * Two controls prove the hook is live: runtests must fail a port that sends one extra
 * header, and every ported test must show up in the ports' own trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 20, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CurlTestSuiteTest {

  /** bounds for the child processes; the cold build is the long one */
  private static final long BUILD_MINUTES = 15;
  private static final long RUN_MINUTES = 4;

  private Path root;
  private Path harness;
  private Path source;
  private Path shadow;
  private Path jvmLogs;

  @BeforeAll
  void buildHarnessAndShadowTree() throws Exception {
    root = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    Path deps = Paths.get(System.getProperty("curlew.native.deps",
        root.resolve("target/native/deps").toString()));
    Path work = root.resolve("target").resolve("curltests-jdk" + Runtime.version().feature());
    Files.createDirectories(work);

    // the pinned tarball: where the build script looks, plus the shared copy next to
    // the checkout, as the raw examples test does
    Map<String, String> env = new LinkedHashMap<>();
    String tarballs = System.getenv("CURLEW_TARBALLS");
    Path shared = root.resolveSibling("shared").resolve("third_party");
    if (Files.isDirectory(shared)) {
      tarballs = shared + (tarballs == null || tarballs.isEmpty() ? "" : ":" + tarballs);
    }
    if (tarballs != null) {
      env.put("CURLEW_TARBALLS", tarballs);
    }
    Path buildLog = work.resolve("curl-testsuite-build.log");
    Run build = run(List.of("bash", root.resolve("cmake/curl-testsuite.sh").toString(),
        deps.toString()), root, env, buildLog, BUILD_MINUTES);
    if (build.exit != 0) {
      fail("cmake/curl-testsuite.sh failed (" + build.exit + "):\n" + tail(buildLog, 60));
    }
    harness = Paths.get(build.out.strip().lines().reduce((a, b) -> b).orElseThrow());
    Path build0 = harness.resolve("build");
    try (Stream<Path> s = Files.list(harness)) {
      source = s.filter(p -> p.getFileName().toString().startsWith("curl-")).findFirst()
          .orElseThrow(() -> new IOException("no curl source tree in " + harness));
    }

    // the shadow tree: everything linked to the harness except libtest/ and log/
    shadow = work.resolve("tree");
    deleteTree(shadow);
    Path tests = Files.createDirectories(shadow.resolve("tests"));
    Files.createSymbolicLink(shadow.resolve("src"), build0.resolve("src"));
    Files.createSymbolicLink(shadow.resolve("lib"), build0.resolve("lib"));
    try (Stream<Path> s = Files.list(build0.resolve("tests"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (!name.equals("libtest") && !name.equals("log")) {
          Files.createSymbolicLink(tests.resolve(name), p);
        }
      }
    }
    Path libtests = Files.createDirectories(tests.resolve("libtest")).resolve("libtests");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    jvmLogs = Files.createDirectories(shadow.resolve("jvm-logs"));
    String script = "#!/usr/bin/env bash\n"
        + "# Written by CurlTestSuiteTest: runtests.pl starts this as curl's libtests\n"
        + "# program. It runs curlew's Java ports (io.curlew.libtest.Main), which hand\n"
        + "# lib names without a port to the real C program.\n"
        + "# JVM option variables would make the JVM print to stderr, which tests check.\n"
        + "unset JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS\n"
        + "export CURLEW_REAL_LIBTESTS=" + quote(build0.resolve("tests/libtest/libtests")) + "\n"
        + "# -Xcheck:jni as in the rest of the suite; the JVM's own messages go to a log\n"
        + "# file per process instead of stdout, which curl's tests compare\n"
        + "exec " + quote(java) + " --enable-native-access=ALL-UNNAMED"
        + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xcheck:jni"
        + " -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:+LogVMOutput"
        + " -XX:LogFile=" + quote(jvmLogs.resolve("vm-%p.log"))
        + " -XX:ErrorFile=" + quote(jvmLogs.resolve("hs_err_%p.log"))
        + " -cp " + quote(System.getProperty("java.class.path"))
        + " io.curlew.libtest.Main \"$@\"\n";
    Files.writeString(libtests, script, StandardCharsets.UTF_8);
    assertTrue(libtests.toFile().setExecutable(true), "chmod +x " + libtests);
  }

  /** Every ported test, through the Java ports; all must be OK. */
  @Test
  void portedTestsPassThroughJavaPorts() throws Exception {
    Set<Integer> wanted = new TreeSet<>();
    for (Ports.Port p : Ports.all()) {
      wanted.addAll(p.tests());
    }
    Path trace = shadow.resolve("ports-trace.txt");
    Files.deleteIfExists(trace);
    Map<String, String> env = Map.of("CURLEW_LIBTEST_TRACE", trace.toString());
    List<String> args = new ArrayList<>(List.of("-a", "-n", "-p", "-j2"));
    wanted.forEach(n -> args.add(n.toString()));
    Result r = runtests(args, env, "runtests.log");

    Set<Integer> notOk = new TreeSet<>(wanted);
    notOk.removeAll(r.ok);
    if (!notOk.isEmpty()) {
      fail(notOk.size() + " of " + wanted.size() + " ported curl tests are not OK: " + notOk
          + "\n" + r.sectionsOf(notOk));
    }

    // each of them ran a Java port: the trace names the test number
    Set<Integer> traced = new TreeSet<>();
    for (String line : Files.readAllLines(trace)) {
      String[] f = line.split(" ");
      traced.add(Integer.parseInt(f[1]));
    }
    Set<Integer> untraced = new TreeSet<>(wanted);
    untraced.removeAll(traced);
    assertTrue(untraced.isEmpty(), "tests that passed without running a Java port: "
        + untraced);

    // and no port's JVM (each left its log) reported a JNI problem or crashed
    try (Stream<Path> logs = Files.list(jvmLogs)) {
      assertTrue(logs.count() >= wanted.size(), "fewer JVM logs than ported tests in "
          + jvmLogs);
    }
    Pattern trouble = Pattern.compile("WARNING in native method|FATAL ERROR in native method"
        + "|JNI call made|SIGPIPE handler modified|A fatal error has been detected");
    try (Stream<Path> logs = Files.list(jvmLogs)) {
      for (Path log : (Iterable<Path>) logs::iterator) {
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(!log.getFileName().toString().startsWith("hs_err")
            && !trouble.matcher(text).find(), "a port's JVM reported trouble: " + log + "\n"
            + text);
      }
    }
  }

  /** A port that sends one header too many must fail curl's protocol check. */
  @Test
  void negativeControlFailsProtocolCheck() throws Exception {
    Result r = runtests(List.of("-a", "-n", "500"), Map.of("CURLEW_LIBTEST_BREAK", "500"),
        "runtests-negative.log");
    assertTrue(r.failed.contains(500), "runtests did not fail test 500 with an extra header:\n"
        + r.output);
    assertTrue(r.output.contains("+User-Agent: curlew-broken"),
        "the failure is not the extra header:\n" + r.output);
  }

  /** The port table's test numbers are the tests whose data names that lib as its tool. */
  @Test
  void portTableMatchesCurlTestData() throws IOException {
    Pattern tool = Pattern.compile("<tool>\\s*(\\S+)\\s*</tool>");
    for (Ports.Port p : Ports.all()) {
      for (int n : p.tests()) {
        Path data = source.resolve("tests/data/test" + n);
        assertTrue(Files.isRegularFile(data), "no curl test " + n);
        Matcher m = tool.matcher(Files.readString(data, StandardCharsets.ISO_8859_1));
        assertTrue(m.find(), "test " + n + " names no tool");
        assertEquals(p.name(), m.group(1).replace("%TESTNUMBER", Integer.toString(n)),
            "curl test " + n + " runs another program than " + p.name());
      }
    }
  }

  // --- running runtests -----------------------------------------------------------------

  /** What runtests reported: tests OK, tests failed, and its whole output. */
  private record Result(Set<Integer> ok, Set<Integer> failed, String output) {

    /** The lines runtests printed about the given tests (with -p: their logs). */
    String sectionsOf(Set<Integer> tests) {
      StringBuilder sb = new StringBuilder();
      Pattern head = Pattern.compile("^test 0*(\\d+)(\\.\\.\\.| SKIPPED)");
      boolean in = false;
      for (String line : output.split("\n", -1)) {
        Matcher m = head.matcher(line);
        if (m.find()) {
          in = tests.contains(Integer.parseInt(m.group(1)));
        } else if (line.startsWith("TESTDONE") || line.startsWith("TESTFAIL")) {
          in = true;
        }
        if (in) {
          sb.append(line).append('\n');
        }
      }
      return sb.toString();
    }
  }

  private Result runtests(List<String> args, Map<String, String> env, String logName)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("perl",
        source.resolve("tests/runtests.pl").toString()));
    cmd.addAll(args);
    Path log = shadow.resolve(logName);
    Run r = run(cmd, shadow.resolve("tests"), env, log, RUN_MINUTES);
    String out = Files.readString(log, StandardCharsets.ISO_8859_1);
    Set<Integer> ok = new LinkedHashSet<>();
    Set<Integer> failed = new LinkedHashSet<>();
    String[] lines = out.split("\n", -1);
    Pattern head = Pattern.compile("^test 0*(\\d+)\\.\\.\\.\\[");
    for (int i = 0; i + 1 < lines.length; i++) {
      Matcher m = head.matcher(lines[i]);
      if (m.find()) {
        int n = Integer.parseInt(m.group(1));
        if (lines[i + 1].contains(" OK (")) {
          ok.add(n);
        } else {
          failed.add(n);
        }
      }
    }
    Matcher fails = Pattern.compile("TESTFAIL: These test cases failed: ([0-9 ]+)").matcher(out);
    if (fails.find()) {
      for (String n : fails.group(1).trim().split(" +")) {
        failed.add(Integer.parseInt(n));
      }
    }
    ok.removeAll(failed);
    if (r.exit != 0 && failed.isEmpty()) {
      fail("runtests.pl exited with " + r.exit + " without a failed test:\n" + out);
    }
    return new Result(ok, failed, out);
  }

  private record Run(int exit, String out) {
  }

  /** Runs a command with stdout+stderr in a log file; stdout alone is not kept apart. */
  private static Run run(List<String> cmd, Path cwd, Map<String, String> env, Path log,
      long minutes) throws Exception {
    Path out = Files.createTempFile(log.getParent(), "stdout", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(out.toFile()).redirectError(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // the negative control's switch only where a run asks for it
    pb.environment().remove("CURLEW_LIBTEST_BREAK");
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        fail(cmd + " did not finish in " + minutes + " min:\n" + tail(log, 60));
      }
      String stdout = Files.readString(out, StandardCharsets.ISO_8859_1);
      // runtests prints everything on stdout: keep it in the log, in order after stderr
      Files.writeString(log, stdout, StandardCharsets.ISO_8859_1,
          java.nio.file.StandardOpenOption.APPEND);
      return new Run(p.exitValue(), stdout);
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      Files.deleteIfExists(out);
    }
  }

  private static String tail(Path file, int lines) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static String quote(Object s) {
    return "'" + s.toString().replace("'", "'\\''") + "'";
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted((a, b) -> b.compareTo(a))::iterator) {
        Files.delete(p);
      }
    }
  }
}
