package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import java.io.IOException;

/**
 * One GET with a {@link CurlEasy}: the idiomatic form of curl's simple.c (the line-by-line
 * port is {@code examples/raw/Simple.java}). Options are set with fluent methods, the
 * transfer runs in {@code perform()}, and failures are exceptions instead of return codes.
 *
 * <p>Usage: {@code SimpleGet [URL]}; without a URL it fetches {@code /redirect} from a local
 * {@link ExampleServer}, which sends the client on to {@code /}.
 */
public final class SimpleGet {

  private SimpleGet() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/redirect"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    // The handle is a native resource: try-with-resources frees it (curl_easy_cleanup).
    try (CurlEasy easy = new CurlEasy()) {
      // perform() blocks until the transfer is over. The body is collected in memory.
      easy.url(url).followRedirects(true).perform();

      // An HTTP error status is not a transfer error: the transfer worked, the server said
      // no. ErrorCodes shows FAILONERROR, which makes 4xx and 5xx answers fail.
      System.out.println("status: " + easy.responseCode());
      System.out.println("type: " + easy.header("Content-Type").orElse("(none)"));
      System.out.println("redirects: " + easy.getInfo(CurlInfo.REDIRECT_COUNT));
      System.out.println("url: " + easy.getInfo(CurlInfo.EFFECTIVE_URL));
      System.out.print(easy.bodyAsString());
      return 0;
    } catch (CurlException e) {
      // the message holds libcurl's text for the code and the detail of what went wrong
      System.err.println("transfer failed: " + e.getMessage());
      return 1;
    }
  }
}
