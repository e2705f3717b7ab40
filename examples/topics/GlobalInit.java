package examples.topics;

import static io.curlew.raw.LibCurl.CURLE_OK;
import static io.curlew.raw.LibCurl.CURL_GLOBAL_DEFAULT;
import static io.curlew.raw.LibCurl.curl_global_cleanup;
import static io.curlew.raw.LibCurl.curl_global_init;

import examples.support.ExampleServer;
import io.curlew.Curl;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import java.io.IOException;

/**
 * Global initialization. A C program calls {@code curl_global_init()} once before anything
 * else, while it has one thread, and {@code curl_global_cleanup()} at the end. In curlew there
 * is nothing to call: libcurl is initialized once, thread-safely, the first time any curlew
 * class needs it, and never cleaned up while the JVM runs (other code in the same JVM may
 * still use it).
 *
 * <p>Ports of C programs call the raw {@code curl_global_init}/{@code curl_global_cleanup}
 * anyway. curlew counts them: each init adds a reference, each cleanup takes one away, and
 * curlew's own reference keeps libcurl initialized, so an extra cleanup cannot pull libcurl
 * out from under handles elsewhere in the JVM.
 *
 * <p>Usage: {@code GlobalInit [URL]}; without a URL it fetches {@code /hello} from a local
 * {@link ExampleServer}.
 */
public final class GlobalInit {

  private GlobalInit() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/hello"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    // No init call: the first use initializes libcurl.
    System.out.println("first use, no init call: " + Curl.version().split(" ")[0]);
    if (fetch(url) != 200) {
      return 1;
    }

    // What ports of C programs do: balanced init and cleanup calls, even nested ones.
    System.out.println("curl_global_init: " + (curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK
        ? "CURLE_OK" : "failed"));
    System.out.println("curl_global_init again: "
        + (curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? "CURLE_OK" : "failed"));
    curl_global_cleanup();
    curl_global_cleanup();
    // one cleanup too many: in C this would be a bug; here it is ignored
    curl_global_cleanup();
    System.out.println("after three cleanups, transfers still work: HTTP " + fetch(url));
    return 0;
  }

  private static int fetch(String url) {
    try (CurlEasy easy = new CurlEasy()) {
      return easy.url(url).perform().responseCode();
    } catch (CurlException e) {
      System.err.println("transfer failed: " + e.getMessage());
      return -1;
    }
  }
}
