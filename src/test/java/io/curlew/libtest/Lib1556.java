package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1556.c: a very long response header reaches the
 * header callback in one call; the longest size seen is printed.
 */
public final class Lib1556 extends LibTest {

  /** C's struct headerinfo */
  static final class HeaderInfo {
    long largest;
  }

  static long header(CurlBuffer ptr, long size, long nmemb, Object stream) {
    long headersize = size * nmemb;
    HeaderInfo info = (HeaderInfo) stream;

    if (headersize > info.largest) {
      info.largest = headersize; // the longest header so far
    }

    return nmemb * size;
  }

  @Override
  protected int test(String URL) {
    CURL curl = null;
    int code;
    HeaderInfo info = new HeaderInfo();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_HEADERFUNCTION, (curl_write_callback) Lib1556::header);
      easy_setopt(curl, CURLOPT_HEADERDATA, info);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_URL, URL);

      code = curl_easy_perform(curl);
      if (code != CURLE_OK) {
        stderr.printf("%s curl_easy_perform() failed, with code %d (%s)\n", where(), code,
            curl_easy_strerror(code));
        result = TEST_ERR_MAJOR_BAD;
        goto_test_cleanup();
      }

      curl_mprintf("Max = %d\n", info.largest);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
