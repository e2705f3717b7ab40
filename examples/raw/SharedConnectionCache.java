package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CURLSH;
import io.curlew.raw.curl_lock_function;
import io.curlew.raw.curl_unlock_function;
import java.io.IOException;

/**
 * Port of curl's docs/examples/shared-connection-cache.c: three transfers, each on a new
 * easy handle that is cleaned up afterwards, sharing one connection pool through a share
 * handle, so the second and third reuse the first one's connection. The share's lock and
 * unlock functions only report on standard error, as in C.
 *
 * <p>Usage: {@code SharedConnectionCache [URL]}; without a URL it fetches {@code /conn} from
 * a local {@link ExampleServer}, whose answer names the client port: the same port three
 * times shows the one connection.
 */
public final class SharedConnectionCache {

  private SharedConnectionCache() {
  }

  static void my_lock(CURL curl, int data, int laccess, Object useptr) {
    System.err.printf("-> lock taken\n");
  }

  static void my_unlock(CURL curl, int data, Object useptr) {
    System.err.printf("<- lock released\n");
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/conn"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    CURLSH share;
    int i;

    int result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    share = curl_share_init();
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);

    curl_share_setopt(share, CURLSHOPT_LOCKFUNC,
        (curl_lock_function) SharedConnectionCache::my_lock);
    curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC,
        (curl_unlock_function) SharedConnectionCache::my_unlock);

    // a fresh easy handle per round; the pool lives in the share, so connections survive
    for (i = 0; i < 3; i++) {
      CURL curl = curl_easy_init();
      if (curl != null) {
        curl_easy_setopt(curl, CURLOPT_URL, url);

        curl_easy_setopt(curl, CURLOPT_SHARE, share);

        result = curl_easy_perform(curl);
        if (result != CURLE_OK) {
          System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
        }

        curl_easy_cleanup(curl);
      }
    }

    curl_share_cleanup(share);
    curl_global_cleanup();
    return result;
  }
}
