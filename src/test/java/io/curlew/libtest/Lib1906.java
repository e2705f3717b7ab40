package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLU;

/**
 * Port of curl 8.21.0 tests/libtest/lib1906.c: CURLOPT_PORT overrides the port of a
 * CURLOPT_CURLU URL (and fails the connect), then PORT 0 goes back to the URL's own port.
 */
public final class Lib1906 extends LibTest {

  @Override
  protected int test(String URL) {
    String[] urlAfter = new String[1];
    CURLU curlu = curl_url();
    byte[] errorBuffer = new byte[CURL_ERROR_SIZE];
    CURL curl = null;

    try {
      curl = easy_init();
      curl_url_set(curlu, CURLUPART_URL, URL, CURLU_DEFAULT_SCHEME);
      easy_setopt(curl, CURLOPT_CURLU, curlu);
      easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      // a quick failure where connects time out rather than being refused
      easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
      // a port where this request fails
      easy_setopt(curl, CURLOPT_PORT, 1L);

      result = curl_easy_perform(curl);
      if (result != CURLE_COULDNT_CONNECT && result != CURLE_OPERATION_TIMEDOUT) {
        stderr.printf("failure expected, curl_easy_perform returned %d: <%s>, <%s>\n", result,
            curl_easy_strerror(result), cstring(errorBuffer));
        if (result == CURLE_OK) {
          result = TEST_ERR_MAJOR_BAD; // it must not succeed
        }
        goto_test_cleanup();
      }

      // the URL used
      curl_url_get(curlu, CURLUPART_URL, urlAfter, 0);
      stderr.printf("curlu now: <%s>\n", urlAfter[0]);
      curl_free(urlAfter[0]);
      urlAfter[0] = null;

      // back to the URL's own port
      easy_setopt(curl, CURLOPT_PORT, 0L);
      result = curl_easy_perform(curl);
      if (result != 0) {
        stderr.printf("success expected, curl_easy_perform returned %d: <%s>, <%s>\n", result,
            curl_easy_strerror(result), cstring(errorBuffer));
      }

      curl_url_get(curlu, CURLUPART_URL, urlAfter, 0);
      stderr.printf("curlu now: <%s>\n", urlAfter[0]);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_free(urlAfter[0]);
    curl_easy_cleanup(curl);
    curl_url_cleanup(curlu);
    curl_global_cleanup();
    return result;
  }
}
