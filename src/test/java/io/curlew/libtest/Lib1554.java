package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLSH;
import io.curlew.raw.curl_lock_function;
import io.curlew.raw.curl_unlock_function;

/**
 * Port of curl 8.21.0 tests/libtest/lib1554.c: a connection cache in a share handle with
 * lock and unlock functions that print each call; three transfers on fresh easy handles
 * reuse the shared connection.
 */
public final class Lib1554 extends LibTest {

  private static final String[] LDATA_NAMES = {
    "NONE",
    "SHARE",
    "COOKIE",
    "DNS",
    "SESSION",
    "CONNECT",
    "PSL",
    "HSTS",
    "NULL",
  };

  static void t1554_test_lock(CURL curl, int data, int laccess, Object useptr) {
    curl_mprintf("-] Mutex lock %s\n", LDATA_NAMES[data]);
  }

  static void t1554_test_unlock(CURL curl, int data, Object useptr) {
    curl_mprintf("[- Mutex unlock %s\n", LDATA_NAMES[data]);
  }

  @Override
  protected int test(String URL) {
    CURLSH share = null;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      share = curl_share_init();
      if (share == null) {
        stderr.printf("curl_share_init() failed\n");
        goto_test_cleanup();
      }

      curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
      curl_share_setopt(share, CURLSHOPT_LOCKFUNC,
          (curl_lock_function) Lib1554::t1554_test_lock);
      curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC,
          (curl_unlock_function) Lib1554::t1554_test_unlock);

      // a fresh easy handle per round: the connection stays in the share's pool
      for (int i = 0; i < 3; i++) {
        CURL curl = curl_easy_init();
        if (curl != null) {
          curl_easy_setopt(curl, CURLOPT_URL, URL);

          curl_easy_setopt(curl, CURLOPT_SHARE, share);

          result = curl_easy_perform(curl);

          curl_easy_cleanup(curl);

          if (result != CURLE_OK) {
            stderr.printf("curl_easy_perform() failed: %s\n", curl_easy_strerror(result));
            goto_test_cleanup();
          }
        }
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_share_cleanup(share);
    curl_global_cleanup();

    return result;
  }
}
