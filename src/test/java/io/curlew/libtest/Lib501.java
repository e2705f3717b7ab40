package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib501.c: a transfer without a URL fails with
 * CURLE_URL_MALFORMAT; MAXREDIRS -1 is accepted.
 */
public final class Lib501 extends LibTest {

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
      easy_setopt(curl, CURLOPT_HEADER, 1L);
      // -1 means "no limit" and must be taken
      easy_setopt(curl, CURLOPT_MAXREDIRS, -1L);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
