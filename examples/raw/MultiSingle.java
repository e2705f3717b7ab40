package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import java.io.IOException;

/**
 * Port of curl's docs/examples/multi-single.c: one download driven through a multi handle
 * with {@code curl_multi_perform} and {@code curl_multi_poll} instead of
 * {@code curl_easy_perform}. The body goes to standard output.
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

  static int run(String url) {
    CURL curl;

    int result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      CURLM multi;
      int[] still_running = {1}; // C's &still_running

      curl_easy_setopt(curl, CURLOPT_URL, url);

      multi = curl_multi_init();
      if (multi != null) {
        curl_multi_add_handle(multi, curl);

        do {
          int mresult = curl_multi_perform(multi, still_running);

          if (mresult == CURLM_OK) {
            // wait for the socket, at most a second
            mresult = curl_multi_poll(multi, null, 0, 1000, null);
          }

          if (mresult != CURLM_OK) {
            System.err.printf("multi loop stopped, CURLMcode %d\n", mresult);
            break;
          }
        } while (still_running[0] != 0);

        curl_multi_remove_handle(multi, curl);
        curl_multi_cleanup(multi);
      }
      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return 0;
  }
}
