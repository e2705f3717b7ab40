package io.curlew.libtest;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The "libtests" program that curl's runtests.pl starts, for the shadow test tree that
 * {@link CurlTestSuiteTest} builds: {@code libtests libNNN [URL] [arg2..arg5]}. A lib name
 * with a Java port (see {@link Ports}) runs in this JVM, against curlew's raw layer, as
 * first.c's main() runs the C one; any other name is handed to the real C program named
 * by {@code CURLEW_REAL_LIBTESTS}, so a run over curl's whole suite stays green.
 *
 * <p>With {@code CURLEW_LIBTEST_TRACE} set, each Java run appends "libNNN testnum" to that
 * file, so the caller can prove the ports (not the C fallback) ran.
 */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    // C's stdout: one buffer, flushed at exit; libcurl's default body output (the raw
    // layer writes it to System.out) and the port's printf share it, in order
    PrintStream out = new PrintStream(new BufferedOutputStream(
        new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    System.setOut(out);
    System.setErr(err);
    LibTest.stdout = out;
    LibTest.stderr = err;

    if (args.length < 1) {
      err.print("Pass testname (and URL as argument for numbered tests) please\n");
      System.exit(1);
    }
    Ports.Port port = Ports.byName(args[0]);
    if (port == null) {
      System.exit(fallBack(args));
    }

    String url = "";
    if (args.length > 1) {
      url = args[1];
      err.printf("URL: %s\n", url);
    }
    int testnum = 0;
    String env = System.getenv("CURL_TESTNUM");
    if (env != null) {
      try {
        testnum = Math.max(0, Integer.parseInt(env.trim()));
      } catch (NumberFormatException e) {
        testnum = 0;
      }
    }
    trace(args[0], testnum);

    LibTest test = port.create();
    test.setUp(args, testnum);
    int result;
    try {
      result = test.test(url);
    } catch (Throwable t) {
      // where the C program would have crashed: a distinct, failing exit code
      out.flush();
      t.printStackTrace(err);
      err.flush();
      Runtime.getRuntime().halt(1);
      return;
    }
    err.printf("Test ended with result %d\n", result);
    out.flush();
    // exit codes 126 and 127 mean something to the shell: first.c clamps to 125
    System.exit(result <= 125 ? result : 125);
  }

  /** Runs the C libtests program for a lib without a Java port. */
  private static int fallBack(String[] args) throws IOException, InterruptedException {
    String real = System.getenv("CURLEW_REAL_LIBTESTS");
    if (real == null) {
      System.err.printf("Test '%s' not found.\n", args[0]);
      return 1;
    }
    String[] cmd = new String[args.length + 1];
    cmd[0] = real;
    System.arraycopy(args, 0, cmd, 1, args.length);
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  private static void trace(String name, int testnum) throws IOException {
    String file = System.getenv("CURLEW_LIBTEST_TRACE");
    if (file != null) {
      Files.writeString(Path.of(file), name + " " + testnum + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
  }
}
