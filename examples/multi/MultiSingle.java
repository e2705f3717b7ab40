package examples.multi;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiException;
import java.io.IOException;
import java.time.Duration;

/**
 * One transfer driven by a multi handle instead of {@code perform()} on the easy handle: the
 * idiomatic form of curl's multi-single.c (ported line by line in
 * {@code examples/raw/MultiSingle.java}). The calling thread never blocks inside libcurl
 * longer than the poll timeout, so it could do other work between the calls. The body is
 * streamed to stdout as it arrives.
 *
 * <p>Usage: {@code MultiSingle [URL]}; without a URL it fetches {@code /} from a local
 * {@link ExampleServer}.
 */
public final class MultiSingle {

  private MultiSingle() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/"));
    }
    System.exit(rc);
  }

  static int run(String url) throws CurlException, CurlMultiException {
    try (CurlMulti multi = new CurlMulti(); CurlEasy easy = new CurlEasy()) {
      easy.url(url).downloadTo(System.out);
      multi.add(easy);
      while (multi.perform() > 0) {
        multi.poll(Duration.ofSeconds(1));
      }
      CurlMulti.Done done = multi.infoRead().orElseThrow();
      multi.remove(easy);
      System.out.flush();
      if (!done.ok()) {
        System.err.println("transfer failed: " + done.exception().getMessage());
        return 1;
      }
      return 0;
    }
  }
}
