package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import java.io.IOException;

/**
 * Port of curl's docs/examples/getinfo.c: a GET whose body goes to standard output, then
 * the response's Content-Type read back with {@code curl_easy_getinfo}. The exit status
 * is the last CURLcode, as in the C program.
 *
 * <p>Usage: {@code GetInfo [URL]}; without a URL it fetches {@code /} from a local
 * {@link ExampleServer}.
 */
public final class GetInfo {

  private GetInfo() {
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
      curl_easy_setopt(curl, CURLOPT_URL, url);
      result = curl_easy_perform(curl);

      if (result == CURLE_OK) {
        // C passes a char** here; the Java out-parameter is a one-element array
        String[] ct = new String[1];
        result = curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, ct);

        if (result == CURLE_OK && ct[0] != null) {
          System.out.printf("Content-Type of the response: %s\n", ct[0]);
        }
      }

      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return result;
  }
}
