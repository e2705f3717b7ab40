package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_slist;

/**
 * Port of curl 8.21.0 tests/libtest/lib1594.c: CURLINFO_RETRY_AFTER from a Retry-After
 * header in seconds (1594), missing (1595) or as a date (1596).
 */
public final class Lib1594 extends LibTest {

  @Override
  protected int test(String URL) {
    curl_slist header = null;
    long[] retry = new long[1];
    CURL curl = null;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_URL, URL);

      result = curl_easy_perform(curl);
      if (result != 0) {
        goto_test_cleanup();
      }

      result = curl_easy_getinfo(curl, CURLINFO_RETRY_AFTER, retry);
      if (result != 0) {
        goto_test_cleanup();
      }

      curl_mprintf("Retry-After %d\n", retry[0]);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_slist_free_all(header);
    curl_global_cleanup();
    return result;
  }
}
