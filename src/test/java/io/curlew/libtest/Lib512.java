package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib512.c: the options of one handle, duplicated with
 * curl_easy_duphandle, drive the transfer of the copy; the exit code says which step
 * failed.
 */
public final class Lib512 extends LibTest {

  @Override
  protected int test(String URL) {
    int rc = 99;

    result = curl_global_init(CURL_GLOBAL_ALL);
    if (result == CURLE_OK) {
      CURL curl = curl_easy_init();
      if (curl != null) {
        CURL curl2;

        curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
        curl_easy_setopt(curl, CURLOPT_HEADER, 1L);

        curl2 = curl_easy_duphandle(curl);
        if (curl2 != null) {
          result = curl_easy_setopt(curl2, CURLOPT_URL, URL);
          if (result == CURLE_OK) {
            result = curl_easy_perform(curl2);
            rc = result == CURLE_OK ? 0 : 1;
          } else {
            rc = 2;
          }
          curl_easy_cleanup(curl2);
        } else {
          rc = 3;
        }
        curl_easy_cleanup(curl);
      } else {
        rc = 4;
      }
      curl_global_cleanup();
    } else {
      rc = 5;
    }
    return rc;
  }
}
