package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import java.io.IOException;

/**
 * Port of curl's docs/examples/getredirect.c: a GET that does not follow redirects; on a
 * 3xx answer the absolute URL it points to is read with CURLINFO_REDIRECT_URL. The body
 * goes to standard output.
 *
 * <p>Usage: {@code GetRedirect [URL]}; without a URL it fetches {@code /redirect} from a
 * local {@link ExampleServer}, whose Location is the relative "/".
 */
public final class GetRedirect {

  private GetRedirect() {
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
    int result;

    result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      curl_easy_setopt(curl, CURLOPT_URL, url);

      result = curl_easy_perform(curl);
      if (result != CURLE_OK) {
        System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
      } else {
        long[] response_code = new long[1];
        result = curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, response_code);
        if (result == CURLE_OK && response_code[0] / 100 != 3) {
          System.err.printf("no redirect in this answer\n");
        } else {
          String[] location = new String[1];
          result = curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, location);
          if (result == CURLE_OK && location[0] != null) {
            // absolute, even when the Location header was relative
            System.out.printf("Location resolved to: %s\n", location[0]);
          }
        }
      }

      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return result;
  }
}
