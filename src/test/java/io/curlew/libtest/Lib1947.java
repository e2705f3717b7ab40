package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_header;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1947.c: counts the requests of a transfer through
 * curl_easy_nextheader (one header per request index), after a redirect and after a
 * plain transfer on the same handle.
 */
public final class Lib1947 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    curl_header h;
    int count = 0;
    int origins;

    if (res_global_init(CURL_GLOBAL_DEFAULT) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      // a transfer with a redirect
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_WRITEFUNCTION,
          (curl_write_callback) LibTest::tutil_throwaway_cb);
      easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
      result = curl_easy_perform(curl);
      if (result != 0) {
        stderr.printf("curl_easy_perform() failed: %s\n", curl_easy_strerror(result));
        goto_test_cleanup();
      }

      // one request per index that has a first header
      origins = CURLH_HEADER | CURLH_TRAILER | CURLH_CONNECT | CURLH_1XX | CURLH_PSEUDO;
      do {
        h = curl_easy_nextheader(curl, origins, count, null);
        if (h != null) {
          count++;
        }
      } while (h != null);
      curl_mprintf("count = %d\n", count);

      // a transfer without a redirect
      easy_setopt(curl, CURLOPT_URL, libtest_arg2);
      result = curl_easy_perform(curl);
      if (result != 0) {
        stderr.printf("curl_easy_perform() failed: %s\n", curl_easy_strerror(result));
        goto_test_cleanup();
      }

      count = 0;
      do {
        h = curl_easy_nextheader(curl, origins, count, null);
        if (h != null) {
          count++;
        }
      } while (h != null);
      curl_mprintf("count = %d\n", count);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
