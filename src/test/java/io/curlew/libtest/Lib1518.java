package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLU;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1518.c: response code, redirect count, effective
 * and redirect URL after a redirect that is not followed (1518, 1519), or followed from a
 * CURLU with CURLU_ALLOW_SPACE (1543).
 */
public final class Lib1518 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl;
    long[] curlResponseCode = new long[1];
    long[] curlRedirectCount = new long[1];
    String[] effectiveUrl = new String[1];
    String[] redirectUrl = new String[1];
    CURLU urlu = null;

    curl = curl_easy_init();
    if (curl == null) {
      stderr.printf("curl_easy_init() failed\n");
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }

    try {
      if (testnum == 1543) {
        // the URL through a CURLU
        int rc = CURLUE_OK;
        urlu = curl_url();
        if (urlu != null) {
          rc = curl_url_set(urlu, CURLUPART_URL, URL, CURLU_ALLOW_SPACE);
        }
        if (urlu == null || rc != 0) {
          goto_test_cleanup();
        }
        easy_setopt(curl, CURLOPT_CURLU, urlu);
        easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
      } else {
        easy_setopt(curl, CURLOPT_URL, URL);
        // the default, said out loud
        easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
      }

      result = curl_easy_perform(curl);
      if (result != 0) {
        goto_test_cleanup();
      }

      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, curlResponseCode);
      curl_easy_getinfo(curl, CURLINFO_REDIRECT_COUNT, curlRedirectCount);
      curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, effectiveUrl);
      curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, redirectUrl);
      easy_setopt(curl, CURLOPT_WRITEFUNCTION,
          (curl_write_callback) LibTest::tutil_throwaway_cb);

      curl_mprintf("result %d\n"
          + "status %d\n"
          + "redirects %d\n"
          + "effectiveurl %s\n"
          + "redirecturl %s\n",
          result,
          curlResponseCode[0],
          curlRedirectCount[0],
          effectiveUrl[0],
          redirectUrl[0] != null ? redirectUrl[0] : "blank");
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    curl_url_cleanup(urlu);
    return result;
  }
}
