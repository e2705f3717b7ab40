package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import java.io.IOException;

/**
 * Port of curl's docs/examples/simple.c: one GET that follows redirects, with the body
 * written to standard output (libcurl's default, System.out here).
 *
 * <p>Usage: {@code Simple [URL]}; without a URL it fetches {@code /redirect} from a local
 * {@link ExampleServer}, which redirects to {@code /}.
 */
public final class Simple {

  private Simple() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/redirect"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    CURL curl;

    int result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      curl_easy_setopt(curl, CURLOPT_URL, url);
      // the default page answers with a redirect, so let libcurl chase it
      curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);

      // one blocking transfer; the CURLcode says how it went
      result = curl_easy_perform(curl);
      if (result != CURLE_OK) {
        System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
      }

      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return 0;
  }
}
