package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_header;
import io.curlew.raw.curl_write_callback;
import java.io.IOException;

/**
 * Port of curl's docs/examples/headerapi.c: a GET (following redirects) whose body is
 * thrown away, then the response headers read with the header API: one by name with
 * {@code curl_easy_header}, then all of them with {@code curl_easy_nextheader}.
 *
 * <p>Usage: {@code HeaderApi [URL]}; without a URL it fetches {@code /headers} from a local
 * {@link ExampleServer}, which adds a repeated header.
 */
public final class HeaderApi {

  private HeaderApi() {
  }

  /** Takes the body and drops it. */
  static long write_cb(CurlBuffer data, long n, long l, Object userp) {
    return n * l;
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/headers"));
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
      curl_header[] header = new curl_header[1];
      curl_easy_setopt(curl, CURLOPT_URL, url);
      curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);

      // only the headers matter here
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) HeaderApi::write_cb);

      result = curl_easy_perform(curl);
      if (result != CURLE_OK) {
        System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
      }

      // request -1: the last request of the transfer, after any redirects
      if (CURLHE_OK == curl_easy_header(curl, "Content-Type", 0, CURLH_HEADER, -1, header)) {
        System.out.printf("Content-Type header: %s\n", header[0].value);
      }

      System.out.printf("Every response header:\n");
      {
        curl_header h;
        curl_header prev = null;
        do {
          h = curl_easy_nextheader(curl, CURLH_HEADER, -1, prev);
          if (h != null) {
            System.out.printf(" %s: %s (%d)\n", h.name, h.value, h.amount);
          }
          prev = h;
        } while (h != null);
      }
      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return 0;
  }
}
