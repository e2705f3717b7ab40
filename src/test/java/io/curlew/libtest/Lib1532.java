package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib1532.c: CURLINFO_RESPONSE_CODE after a transfer,
 * and 0 again after curl_easy_reset.
 */
public final class Lib1532 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    long[] httpcode = new long[1];

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();
      easy_setopt(curl, CURLOPT_URL, URL);

      result = curl_easy_perform(curl);
      if (result != 0) {
        stderr.printf("%s curl_easy_perform() failed with code %d (%s)\n", where(), result,
            curl_easy_strerror(result));
        goto_test_cleanup();
      }

      result = curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, httpcode);
      if (result != 0) {
        stderr.printf("%s curl_easy_getinfo() failed with code %d (%s)\n", where(), result,
            curl_easy_strerror(result));
        goto_test_cleanup();
      }
      if (httpcode[0] != 200) {
        stderr.printf("%s unexpected response code %d\n", where(), httpcode[0]);
        result = CURLE_HTTP_RETURNED_ERROR;
        goto_test_cleanup();
      }

      // the reset must clear the response code too
      curl_easy_reset(curl);

      result = curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, httpcode);
      if (result != 0) {
        stderr.printf("%s curl_easy_getinfo() failed with code %d (%s)\n", where(), result,
            curl_easy_strerror(result));
        goto_test_cleanup();
      }
      if (httpcode[0] != 0) {
        stderr.printf("%s curl_easy_reset failed to zero the response code\n"
            + "possible regression of github bug 1017\n", where());
        result = CURLE_HTTP_RETURNED_ERROR;
        goto_test_cleanup();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
