package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib1907.c: CURLINFO_EFFECTIVE_URL after a transfer
 * that fails on a malformed URL.
 */
public final class Lib1907 extends LibTest {

  @Override
  protected int test(String URL) {
    String[] urlAfter = new String[1];
    CURL curl;
    byte[] errorBuffer = new byte[CURL_ERROR_SIZE];

    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, URL);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
    result = curl_easy_perform(curl);
    if (result == 0) {
      stderr.printf("failure expected, curl_easy_perform returned %d: <%s>, <%s>\n", result,
          curl_easy_strerror(result), cstring(errorBuffer));
    }

    // the URL used
    if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, urlAfter) == 0) {
      curl_mprintf("Effective URL: %s\n", urlAfter[0]);
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
