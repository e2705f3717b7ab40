package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CURLU;
import java.io.IOException;

/**
 * Port of curl's docs/examples/urlapi.c: the URL is parsed into a {@code CURLU} handle
 * with {@code curl_url_set}, and the transfer is told to use that handle
 * ({@code CURLOPT_CURLU}) with the allowed protocols limited. Verbose output goes to
 * standard error, the body to standard output; the exit status is the CURLcode.
 *
 * <p>Usage: {@code UrlApi [URL]}; without a URL it fetches {@code /path/index.html} from a
 * local {@link ExampleServer}.
 */
public final class UrlApi {

  private UrlApi() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/path/index.html"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    CURL curl = null;
    CURLU urlp;
    int uc;

    int result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    urlp = curl_url();
    cleanup: {
      uc = curl_url_set(urlp, CURLUPART_URL, url, 0);

      if (uc != CURLUE_OK) {
        System.err.printf("the URL was refused: %s", curl_url_strerror(uc));
        break cleanup; // C: goto cleanup
      }

      curl = curl_easy_init();
      if (curl != null) {
        // the transfer takes its URL from the parsed handle
        curl_easy_setopt(curl, CURLOPT_CURLU, urlp);
        curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);

        // refuse anything but these three schemes
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,tftp,sftp");

        result = curl_easy_perform(curl);
        if (result != CURLE_OK) {
          System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
        }
      }
    }

    curl_url_cleanup(urlp);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
