package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiException;
import java.io.IOException;

/**
 * The life of a handle: made, used again, reset, duplicated, closed. libcurl's cleanup
 * functions ({@code curl_easy_cleanup}, {@code curl_multi_cleanup}, ...) are the
 * {@code close()} methods: use try-with-resources. A handle that is never closed is freed by
 * the garbage collector eventually, with a warning in the log, but its connections stay
 * open until then. There is no {@code curl_global_cleanup} to call (see
 * examples.topics.GlobalInit).
 *
 * <p>Usage: {@code HandleLifecycle [URL]}; without a URL it uses {@code /echo} of a local
 * {@link ExampleServer}, which shows the request headers it received.
 */
public final class HandleLifecycle {

  private HandleLifecycle() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/echo"));
    }
    System.exit(rc);
  }

  @SuppressWarnings("try") // the explicit close() calls inside the try are the point here
  static int run(String url) throws CurlException, CurlMultiException {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(url).header("X-Trace", "lifecycle").perform();
      report("first transfer", easy);

      // duplicate(): a new handle with the same options (URL, headers, callbacks), but its
      // own connections and results
      try (CurlEasy copy = easy.duplicate()) {
        copy.perform();
        report("duplicate", copy);
      }

      // reset(): every option back to its default; connections and caches stay
      easy.reset();
      try {
        easy.perform();
      } catch (CurlException e) {
        System.out.println("after reset, no URL: " + e.code());
      }
      easy.url(url).perform();
      report("after reset", easy);

      // A multi handle drives easy handles; closing it releases them, they stay usable.
      // Connections belong to whoever drives the transfers: adding the handle to a multi
      // handle drops the pool it had for perform(), so its next transfer connects anew.
      try (CurlMulti multi = new CurlMulti()) {
        multi.add(easy);
        try {
          easy.close();
        } catch (IllegalStateException e) {
          System.out.println("close while in a multi handle: refused");
        }
      }
      easy.perform();
      report("after the multi handle closed", easy);

      easy.close();
      easy.close(); // closing again does nothing; try-with-resources will do it a third time
      System.out.println("closed: " + easy.isClosed());
      try {
        easy.url(url);
      } catch (IllegalStateException e) {
        System.out.println("use after close: IllegalStateException");
      }
      return 0;
    }
  }

  private static void report(String what, CurlEasy easy) {
    boolean traced = easy.bodyAsString().lines().anyMatch(l -> l.contains("lifecycle"));
    System.out.printf("%s: HTTP %d, new connections %d, X-Trace header %s%n", what,
        easy.responseCode(), easy.getInfo(CurlInfo.NUM_CONNECTS), traced ? "sent" : "not sent");
  }
}
