package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import java.io.IOException;

/**
 * Port of curl's docs/examples/http-post.c: a POST of a short form string set with
 * CURLOPT_POSTFIELDS; the response goes to standard output and the exit status is the
 * CURLcode.
 *
 * <p>Usage: {@code HttpPost [URL]}; without a URL it posts to {@code /post} of a local
 * {@link ExampleServer}, which sends the body back.
 */
public final class HttpPost {

  private HttpPost() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/post"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    CURL curl;
    int result;

    result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      curl_easy_setopt(curl, CURLOPT_URL, url);
      // setting POSTFIELDS makes it a POST with this body (curlew copies the string)
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "name=daniel&project=curl");

      result = curl_easy_perform(curl);
      if (result != CURLE_OK) {
        System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
      }

      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return result;
  }
}
