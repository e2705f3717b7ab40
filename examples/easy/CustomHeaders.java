package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlHeader;
import io.curlew.CurlOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Request headers added, replaced, sent empty and removed; then response headers read back
 * with libcurl's header API ({@code curl_easy_header}, {@code curl_easy_nextheader}), as in
 * curl's httpcustomheader.c and headerapi.c.
 *
 * <p>Usage: {@code CustomHeaders [URL]}; without a URL the request goes to {@code /echo} of a
 * local {@link ExampleServer} (which shows the headers it received) and the response headers
 * come from {@code /headers}. With a URL, both requests go to it.
 */
public final class CustomHeaders {

  private CustomHeaders() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = local == null ? run(args[0], args[0]) : run(local.url("/echo"), local.url("/headers"));
    }
    System.exit(rc);
  }

  static int run(String requestUrl, String responseUrl) {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(requestUrl)
          .header("X-Request-Id", "42") // a header of our own
          .header("Accept", "text/plain") // replaces libcurl's "Accept: */*"
          .header("X-Empty", ""); // sent with no value (libcurl's "X-Empty;")
      // Removing a header libcurl would send is libcurl's "Name:" with nothing after the
      // colon. header() has no form for it, so the list goes through the option itself.
      List<String> lines = new ArrayList<>(easy.requestHeaders());
      lines.add("User-Agent:");
      easy.setOption(CurlOption.HTTPHEADER, lines).userAgent("never-sent/1.0");
      System.out.println("request headers set: " + easy.requestHeaders());
      easy.perform();
      System.out.println("--- what the server received:");
      System.out.print(easy.bodyAsString());

      // A fresh request to a page with extra response headers.
      easy.reset();
      easy.url(responseUrl).perform();
      System.out.println("--- response headers of HTTP " + easy.responseCode() + ":");
      for (CurlHeader h : easy.headers()) {
        // amount: how many headers of that name the response has; index: which one this is
        System.out.println(h.name() + ": " + h.value() + " (" + (h.index() + 1) + " of "
            + h.amount() + ")");
      }
      // by name: the last value, or a given one of several
      System.out.println("X-Example, last: " + easy.header("X-Example").orElse("(none)"));
      System.out.println("X-Example, first: " + easy.header("X-Example", 0, CurlHeader.HEADER, -1)
          .map(CurlHeader::value).orElse("(none)"));
      return 0;
    } catch (CurlException e) {
      System.err.println("transfer failed: " + e.getMessage());
      return 1;
    }
  }
}
