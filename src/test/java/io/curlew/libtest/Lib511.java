package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib511.c: FILETIME with NOBODY on an FTP file that is
 * not there.
 */
public final class Lib511 extends LibTest {

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
      easy_setopt(curl, CURLOPT_FILETIME, 1L);
      easy_setopt(curl, CURLOPT_NOBODY, 1L);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
