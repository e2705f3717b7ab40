package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib544.c: COPYPOSTFIELDS copies the data at setopt
 * time (the buffer is overwritten before the transfer of a duplicated handle). Without a
 * size (544) libcurl reads the char array as a C string, up to its NUL; with
 * POSTFIELDSIZE (545) the whole binary data goes.
 */
public final class Lib544 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl;
    final byte[] teststringInit = {
      'T', 'h', 'i', 's', '\0', ' ', 'i', 's', ' ', 't', 'e', 's', 't', ' ',
      'b', 'i', 'n', 'a', 'r', 'y', ' ', 'd', 'a', 't', 'a', ' ',
      'w', 'i', 't', 'h', ' ', 'a', 'n', ' ',
      'e', 'm', 'b', 'e', 'd', 'd', 'e', 'd', ' ', 'N', 'U', 'L'
    };
    byte[] teststring = teststringInit.clone();

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

      if (testnum == 545) {
        easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long) teststring.length);
        // binary data of a given size: the byte[] form
        easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, teststring);
      } else {
        // no size: the char * is a C string, as C's libcurl takes it
        easy_setopt(curl, CURLOPT_COPYPOSTFIELDS, cstring(teststring));
      }

      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

      // change the caller's data: the copy must not see it
      System.arraycopy("FAIL\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0,
          teststring, 0, 5);

      {
        CURL curl2;
        curl2 = curl_easy_duphandle(curl);
        curl_easy_cleanup(curl);
        curl = curl2;
      }

      // a POST with a NUL inside the data
      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();

    return result;
  }
}
