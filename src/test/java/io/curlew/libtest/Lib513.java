package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_read_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib513.c: a read callback that answers
 * CURL_READFUNC_ABORT stops the POST with CURLE_ABORTED_BY_CALLBACK.
 */
public final class Lib513 extends LibTest {

  static long t513_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    return CURL_READFUNC_ABORT;
  }

  @Override
  protected int test(String URL) {
    CURL curl;

    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      stderr.printf("curl_global_init() failed\n");
      return TEST_ERR_MAJOR_BAD;
    }

    curl = curl_easy_init();
    if (curl == null) {
      stderr.printf("curl_easy_init() failed\n");
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }

    try {
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_POST, 1L);
      easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 1L);
      easy_setopt(curl, CURLOPT_READFUNCTION, (curl_read_callback) Lib513::t513_read_cb);
      easy_setopt(curl, CURLOPT_READDATA, (Object) null);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
