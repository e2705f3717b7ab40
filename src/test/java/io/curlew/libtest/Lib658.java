package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLU;

/**
 * Port of curl 8.21.0 tests/libtest/lib658.c: CURLOPT_CURLU wins over CURLOPT_URL.
 */
public final class Lib658 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    CURLU urlp = null;
    int uc;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      urlp = curl_url();
      if (urlp == null) {
        stderr.printf("problem init URL api.");
        goto_test_cleanup();
      }

      uc = curl_url_set(urlp, CURLUPART_URL, URL, 0);
      if (uc != 0) {
        stderr.printf("problem setting CURLUPART_URL: %s.", curl_url_strerror(uc));
        goto_test_cleanup();
      }

      // the CURLU overrides the URL string
      easy_setopt(curl, CURLOPT_URL, "http://www.example.com");
      easy_setopt(curl, CURLOPT_CURLU, urlp);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      result = curl_easy_perform(curl);
      if (result != 0) {
        stderr.printf("Lib658.java curl_easy_perform() failed with code %d (%s)\n", result,
            curl_easy_strerror(result));
        goto_test_cleanup();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_url_cleanup(urlp);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
