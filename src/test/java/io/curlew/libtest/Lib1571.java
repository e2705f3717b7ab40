package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib1571.c: CUSTOMREQUEST with redirects followed as
 * CURLFOLLOW_OBEYCODE or CURLFOLLOW_FIRSTONLY, with and without a POST body (and
 * POSTREDIR for 1581): which method each request uses.
 */
public final class Lib1571 extends LibTest {

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
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_URL, URL);
      if (testnum == 1571 || testnum == 1572 || testnum == 1575 || testnum == 1581) {
        easy_setopt(curl, CURLOPT_POSTFIELDS, "moo");
      }
      if (testnum == 1581) {
        easy_setopt(curl, CURLOPT_POSTREDIR, CURL_REDIR_POST_301);
      }
      easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "IGLOO");
      if (testnum == 1574 || testnum == 1575) {
        easy_setopt(curl, CURLOPT_FOLLOWLOCATION, CURLFOLLOW_FIRSTONLY);
      } else {
        easy_setopt(curl, CURLOPT_FOLLOWLOCATION, CURLFOLLOW_OBEYCODE);
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
