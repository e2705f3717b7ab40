package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_multi_timer_callback;
import io.curlew.raw.curl_socket_callback;
import java.io.PrintStream;

/**
 * What curl's tests/libtest/first.h and first.c give every libtest program, for the Java
 * ports: the arguments ({@code libtest_arg2..5}, {@code testnum}), the TEST_ERR_* codes,
 * the check-and-bail-out helpers ({@code easy_init}, {@code easy_setopt}, {@code multi_*})
 * and the hang guard. One instance runs one test.
 *
 * <p>C's {@code goto test_cleanup} is a {@link TestCleanup} thrown by the helpers (or by
 * {@link #goto_test_cleanup()}); a port catches it right before its cleanup code. The C
 * programs' {@code result} variable is the field {@link #result}, which the helpers set
 * exactly as the C macros do.
 */
public abstract class LibTest {

  // first.h: error codes of the test programs themselves, in CURLcode's range
  public static final int TEST_ERR_MAJOR_BAD = CURLE_OBSOLETE20;
  public static final int TEST_ERR_RUNS_FOREVER = CURLE_OBSOLETE24;
  public static final int TEST_ERR_EASY_INIT = CURLE_OBSOLETE29;
  public static final int TEST_ERR_MULTI = CURLE_OBSOLETE32;
  public static final int TEST_ERR_NUM_HANDLES = CURLE_OBSOLETE34;
  public static final int TEST_ERR_SELECT = CURLE_OBSOLETE40;
  public static final int TEST_ERR_SUCCESS = CURLE_OBSOLETE41;
  public static final int TEST_ERR_FAILURE = CURLE_OBSOLETE44;
  public static final int TEST_ERR_USAGE = CURLE_OBSOLETE46;
  public static final int TEST_ERR_FOPEN = CURLE_OBSOLETE50;
  public static final int TEST_ERR_FSTAT = CURLE_OBSOLETE51;
  public static final int TEST_ERR_BAD_TIMEOUT = CURLE_OBSOLETE57;

  /** first.h: how long a test may loop before it gives up (ms) */
  public static final long TEST_HANG_TIMEOUT = 60 * 1000;
  /** first.h: the default number of handles of the multi tests */
  public static final int NUM_HANDLES = 4;

  /** C's stdout and stderr; the raw layer's default write callback uses System.out too */
  protected static PrintStream stdout = System.out;
  protected static PrintStream stderr = System.err;

  /** argv[3..6] of the C program, null when absent */
  protected String libtest_arg2;
  protected String libtest_arg3;
  protected String libtest_arg4;
  protected String libtest_arg5;
  /** argc - 1 and argv + 1 of the C program: test_argv[0] is the lib name */
  protected int test_argc;
  protected String[] test_argv;
  /** CURL_TESTNUM from the environment, 0 without it */
  protected int testnum;
  /** the {@code result} variable the first.h macros set */
  protected int result;

  private long testStartNanos;

  /** The jump to a port's {@code test_cleanup:} label. */
  public static final class TestCleanup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TestCleanup() {
      super(null, null, false, false);
    }
  }

  private static final TestCleanup JUMP = new TestCleanup();

  /**
   * The test itself: C's {@code test_libNNN(const char *URL)}.
   *
   * @param URL argv[2], or "" without one
   * @return the CURLcode (or TEST_ERR_*) the C program returns
   * @throws Exception when the port fails in a way C would crash; the dispatcher exits 1
   */
  protected abstract int test(String URL) throws Exception;

  /** Sets the arguments as first.c's main() does. */
  final void setUp(String[] args, int testnum) {
    this.test_argc = args.length;
    this.test_argv = args;
    this.libtest_arg2 = args.length > 2 ? args[2] : null;
    this.libtest_arg3 = args.length > 3 ? args[3] : null;
    this.libtest_arg4 = args.length > 4 ? args[4] : null;
    this.libtest_arg5 = args.length > 5 ? args[5] : null;
    this.testnum = testnum;
  }

  /** @throws TestCleanup always: C's {@code goto test_cleanup;} */
  protected static void goto_test_cleanup() {
    throw JUMP;
  }

  /** "FileName.java:line" of the port's call: what C prints with __FILE__:__LINE__ */
  protected static String where() {
    return StackWalker.getInstance().walk(s -> s
        .filter(f -> !f.getClassName().equals(LibTest.class.getName()))
        .findFirst()
        .map(f -> f.getFileName() + ":" + f.getLineNumber())
        .orElse("?"));
  }

  // --- easy ---------------------------------------------------------------------------

  /** @return a new easy handle; on failure sets TEST_ERR_EASY_INIT and jumps to cleanup */
  protected CURL easy_init() {
    CURL c = res_easy_init();
    if (result != 0) {
      goto_test_cleanup();
    }
    return c;
  }

  /** @return a new easy handle, or null with {@link #result} set to TEST_ERR_EASY_INIT */
  protected CURL res_easy_init() {
    CURL c = curl_easy_init();
    if (c == null) {
      stderr.printf("%s curl_easy_init() failed\n", where());
      result = TEST_ERR_EASY_INIT;
    }
    return c;
  }

  /** curl_easy_setopt with a number; on failure sets the result and jumps to cleanup */
  protected void easy_setopt(CURL curl, int option, long value) {
    setoptDone(curl_easy_setopt(curl, option, value), true);
  }

  /** curl_easy_setopt with a string */
  protected void easy_setopt(CURL curl, int option, String value) {
    setoptDone(curl_easy_setopt(curl, option, value), true);
  }

  /** curl_easy_setopt with any other value (callbacks, lists, *DATA objects, handles) */
  protected void easy_setopt(CURL curl, int option, Object value) {
    setoptDone(curl_easy_setopt(curl, option, value), true);
  }

  /** res_easy_setopt: sets {@link #result} and reports, without jumping */
  protected void res_easy_setopt(CURL curl, int option, Object value) {
    setoptDone(curl_easy_setopt(curl, option, value), false);
  }

  private void setoptDone(int rc, boolean jump) {
    result = rc;
    if (rc != 0) {
      stderr.printf("%s curl_easy_setopt() failed, with code %d (%s)\n", where(), rc,
          curl_easy_strerror(rc));
      if (jump) {
        goto_test_cleanup();
      }
    }
  }

  /** global_init: on failure C returns at once, here the caller returns {@link #result} */
  protected int res_global_init(long flags) {
    result = curl_global_init(flags);
    if (result != 0) {
      stderr.printf("%s curl_global_init() failed, with code %d (%s)\n", where(), result,
          curl_easy_strerror(result));
    }
    return result;
  }

  // --- multi --------------------------------------------------------------------------

  /** @return a new multi handle; on failure sets TEST_ERR_MULTI and jumps to cleanup */
  protected CURLM multi_init() {
    CURLM m = res_multi_init();
    if (result != 0) {
      goto_test_cleanup();
    }
    return m;
  }

  /** @return a new multi handle, or null with {@link #result} set to TEST_ERR_MULTI */
  protected CURLM res_multi_init() {
    CURLM m = curl_multi_init();
    if (m == null) {
      stderr.printf("%s curl_multi_init() failed\n", where());
      result = TEST_ERR_MULTI;
    }
    return m;
  }

  private void multiFailed(String fn, int ec, boolean jump) {
    if (ec != CURLM_OK) {
      stderr.printf("%s %s() failed, with code %d (%s)\n", where(), fn, ec,
          curl_multi_strerror(ec));
      result = TEST_ERR_MULTI;
      if (jump) {
        goto_test_cleanup();
      }
    }
  }

  protected void multi_setopt(CURLM multi, int option, long value) {
    multiFailed("curl_multi_setopt", curl_multi_setopt(multi, option, value), true);
  }

  protected void multi_setopt(CURLM multi, int option, Object value) {
    multiFailed("curl_multi_setopt", curl_multi_setopt(multi, option, value), true);
  }

  protected void multi_setopt(CURLM multi, int option, curl_socket_callback value) {
    multiFailed("curl_multi_setopt", curl_multi_setopt(multi, option, value), true);
  }

  protected void multi_setopt(CURLM multi, int option, curl_multi_timer_callback value) {
    multiFailed("curl_multi_setopt", curl_multi_setopt(multi, option, value), true);
  }

  protected void multi_add_handle(CURLM multi, CURL easy) {
    multiFailed("curl_multi_add_handle", curl_multi_add_handle(multi, easy), true);
  }

  protected void res_multi_add_handle(CURLM multi, CURL easy) {
    multiFailed("curl_multi_add_handle", curl_multi_add_handle(multi, easy), false);
  }

  protected void multi_remove_handle(CURLM multi, CURL easy) {
    multiFailed("curl_multi_remove_handle", curl_multi_remove_handle(multi, easy), true);
  }

  /** curl_multi_perform, also checking that the running count is not negative */
  protected void multi_perform(CURLM multi, int[] running) {
    res_multi_perform(multi, running);
    if (result != 0) {
      goto_test_cleanup();
    }
  }

  protected void res_multi_perform(CURLM multi, int[] running) {
    int ec = curl_multi_perform(multi, running);
    if (ec != CURLM_OK) {
      multiFailed("curl_multi_perform", ec, false);
    } else if (running[0] < 0) {
      stderr.printf("%s curl_multi_perform() succeeded, but returned invalid "
          + "running_handles value (%d)\n", where(), running[0]);
      result = TEST_ERR_NUM_HANDLES;
    }
  }

  /** curl_multi_poll, also checking the descriptor count */
  protected void multi_poll(CURLM multi, int timeoutMs, int[] numfds) {
    int ec = curl_multi_poll(multi, null, 0, timeoutMs, numfds);
    if (ec != CURLM_OK) {
      multiFailed("curl_multi_poll", ec, true);
    } else if (numfds[0] < 0) {
      stderr.printf("%s curl_multi_poll() succeeded, but returned invalid numfds value "
          + "(%d)\n", where(), numfds[0]);
      result = TEST_ERR_NUM_HANDLES;
      goto_test_cleanup();
    }
  }

  /** curl_multi_timeout, also checking the value */
  protected void multi_timeout(CURLM multi, long[] timeout) {
    int ec = curl_multi_timeout(multi, timeout);
    if (ec != CURLM_OK) {
      stderr.printf("%s curl_multi_timeout() failed, with code %d (%s)\n", where(), ec,
          curl_multi_strerror(ec));
      result = TEST_ERR_BAD_TIMEOUT;
      goto_test_cleanup();
    } else if (timeout[0] < -1) {
      stderr.printf("%s curl_multi_timeout() succeeded, but returned invalid timeout value "
          + "(%d)\n", where(), timeout[0]);
      result = TEST_ERR_BAD_TIMEOUT;
      goto_test_cleanup();
    }
  }

  /** curl_multi_fdset, also checking max_fd */
  protected void multi_fdset(CURLM multi, io.curlew.raw.fd_set r, io.curlew.raw.fd_set w,
      io.curlew.raw.fd_set e, int[] maxFd) {
    int ec = curl_multi_fdset(multi, r, w, e, maxFd);
    if (ec != CURLM_OK) {
      multiFailed("curl_multi_fdset", ec, true);
    } else if (maxFd[0] < -1) {
      stderr.printf("%s curl_multi_fdset() succeeded, but returned invalid max_fd value "
          + "(%d)\n", where(), maxFd[0]);
      result = TEST_ERR_NUM_HANDLES;
      goto_test_cleanup();
    }
  }

  /** select_test: C's select() through the raw layer; -1 is TEST_ERR_SELECT */
  protected void select_test(int nfds, io.curlew.raw.fd_set r, io.curlew.raw.fd_set w,
      io.curlew.raw.fd_set e, long timeoutMs) {
    if (nfds < 0 || select(nfds, r, w, e, timeoutMs) == -1) {
      stderr.printf("%s select() failed\n", where());
      result = TEST_ERR_SELECT;
      goto_test_cleanup();
    }
  }

  // --- timing -------------------------------------------------------------------------

  protected void start_test_timing() {
    testStartNanos = System.nanoTime();
  }

  /** Jumps to cleanup with TEST_ERR_RUNS_FOREVER once the test ran longer than 60 s. */
  protected void abort_on_test_timeout() {
    abort_on_test_timeout_custom(TEST_HANG_TIMEOUT);
  }

  protected void abort_on_test_timeout_custom(long limitMs) {
    long ms = (System.nanoTime() - testStartNanos) / 1_000_000;
    if (ms > limitMs) {
      stderr.printf("%s ABORTING TEST, since it seems that it would have run forever "
          + "(%d ms > %d ms)\n", where(), ms, TEST_HANG_TIMEOUT);
      result = TEST_ERR_RUNS_FOREVER;
      goto_test_cleanup();
    }
  }

  // --- the harness's own check ------------------------------------------------------------

  /**
   * The negative control of {@link CurlTestSuiteTest}: when {@code CURLEW_LIBTEST_BREAK}
   * names this test's number, the request gets a User-Agent header the test data does not
   * expect, so runtests must report the test FAILED. Not part of any C program.
   */
  protected void negative_control(CURL curl) {
    String v = System.getenv("CURLEW_LIBTEST_BREAK");
    if (v != null && v.equals(Integer.toString(testnum))) {
      curl_easy_setopt(curl, CURLOPT_USERAGENT, "curlew-broken");
    }
  }

  // --- testutil.c ---------------------------------------------------------------------

  /** testutil.c: a write callback that takes everything and keeps nothing */
  protected static long tutil_throwaway_cb(CurlBuffer data, long n, long l, Object userp) {
    return n * l;
  }

  /** testutil.c: base + the number as four digits */
  protected static String tutil_suburl(String base, int i) {
    return String.format("%s%04d", base, i);
  }

  /** first.c: "xx " per byte, for at most 200 bytes (null for more) */
  protected static String hexdump(byte[] buf, int len) {
    if (len > 200) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append(String.format("%02x ", buf[i] & 0xff));
    }
    return sb.toString();
  }

  /** The text of a C char array read as a C string: up to its first NUL. */
  protected static String cstring(byte[] buf) {
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** C's fwrite of a callback's data to a stream (stdout or stderr) */
  protected static long fwrite(CurlBuffer ptr, long size, long nmemb, PrintStream out) {
    byte[] b = ptr.toArray();
    out.write(b, 0, (int) Math.min(b.length, size * nmemb));
    return nmemb;
  }

  /** C's curl_mprintf to stdout, with Java format syntax */
  protected static void curl_mprintf(String format, Object... args) {
    stdout.printf(format, args);
  }

  /** C's curl_mfprintf, with Java format syntax */
  protected static void curl_mfprintf(PrintStream out, String format, Object... args) {
    out.printf(format, args);
  }
}
