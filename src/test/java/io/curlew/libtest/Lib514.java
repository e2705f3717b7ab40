package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib514.c: POST options set, then NOBODY: the request
 * must be a plain HEAD.
 */
public final class Lib514 extends LibTest {

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

      // a POST prepared, then turned into HEAD before any transfer
      easy_setopt(curl, CURLOPT_POSTFIELDS, "moo");
      easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 3L);
      easy_setopt(curl, CURLOPT_POST, 1L);

      easy_setopt(curl, CURLOPT_NOBODY, 1L);
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
