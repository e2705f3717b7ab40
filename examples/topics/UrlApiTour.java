package examples.topics;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlOption;
import io.curlew.CurlUrl;
import io.curlew.CurlUrl.Flags;
import io.curlew.CurlUrl.Part;
import io.curlew.CurlUrlException;
import java.io.IOException;

/**
 * libcurl's URL API ({@code curl_url_*}) through {@link CurlUrl}: parse a URL into its parts,
 * change parts, resolve a relative reference, and hand the result to a transfer. The parser
 * is the one libcurl uses for transfers, so what is checked here is what a transfer will do
 * (java.net.URI can disagree with libcurl on edge cases). After curl's urlapi.c and
 * parseurl.c.
 *
 * <p>Usage: {@code UrlApiTour [URL]}; without a URL it takes
 * {@code /dir/sub/../index.html?lang=en#intro} on a local {@link ExampleServer}.
 */
public final class UrlApiTour {

  private UrlApiTour() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/dir/sub/../index.html?lang=en#intro"));
    }
    System.exit(rc);
  }

  static int run(String text) throws CurlUrlException {
    try (CurlUrl url = CurlUrl.parse(text)) {
      // 1. the parts; "../" is resolved while parsing
      System.out.println("url:      " + url);
      System.out.println("scheme:   " + url.get(Part.SCHEME));
      System.out.println("host:     " + url.get(Part.HOST));
      // a missing part is an exception (CURLUE_NO_PORT...); DEFAULT_PORT gives the scheme's
      System.out.println("port:     " + url.get(Part.PORT, Flags.DEFAULT_PORT));
      System.out.println("path:     " + url.get(Part.PATH));
      System.out.println("query:    " + optional(url, Part.QUERY));
      System.out.println("fragment: " + optional(url, Part.FRAGMENT));

      // 2. changes: URLENCODE encodes what is set, APPENDQUERY adds to the query with "&"
      try (CurlUrl copy = url.dup()) {
        copy.set(Part.QUERY, "q=fish & chips", Flags.URLENCODE | Flags.APPENDQUERY)
            .set(Part.FRAGMENT, null);
        System.out.println("appended: " + copy);
        System.out.println("decoded:  " + copy.get(Part.QUERY, Flags.URLDECODE));
        // a relative reference is resolved against the URL, as a browser would for a link
        copy.set(Part.URL, "../images/logo.png?size=small");
        System.out.println("relative: " + copy);
      }

      // 3. what the parser refuses, and a hint it takes
      try (CurlUrl bad = CurlUrl.parse("http://exa mple.com/")) {
        System.out.println("accepted: " + bad);
      } catch (CurlUrlException e) {
        System.out.println("refused:  " + e.code() + " (" + e.getMessage() + ")");
      }
      try (CurlUrl guessed = CurlUrl.parse("curl.se/docs", Flags.DEFAULT_SCHEME)) {
        System.out.println("no scheme, DEFAULT_SCHEME: " + guessed);
      }

      // 4. a transfer from the parsed URL (CURLOPT_CURLU) instead of a string
      try (CurlEasy easy = new CurlEasy()) {
        easy.setOption(CurlOption.CURLU, url).perform();
        System.out.println("fetched:  HTTP " + easy.responseCode() + ", " + easy.bodySize()
            + " bytes");
      } catch (CurlException e) {
        System.out.println("fetch failed: " + e.getMessage());
        return 1;
      }
    }
    return 0;
  }

  private static String optional(CurlUrl url, Part part) {
    try {
      return url.get(part);
    } catch (CurlUrlException e) {
      return "(none: " + e.code() + ")";
    }
  }
}
