package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib549.c: FTP through an HTTP proxy with
 * CURLOPT_PROXY_TRANSFER_MODE, in binary or (with a third argument) ASCII mode.
 */
public final class Lib549 extends LibTest {

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
      easy_setopt(curl, CURLOPT_PROXY, libtest_arg2);
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_PROXY_TRANSFER_MODE, 1L);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      if (libtest_arg3 != null) {
        // ASCII (text) mode
        easy_setopt(curl, CURLOPT_TRANSFERTEXT, 1L);
      }
      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();

    return result;
  }
}
