package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;

/**
 * Port of curl 8.21.0 tests/libtest/lib589.c: MIMEPOST set to NULL makes a zero-byte POST;
 * test 584 first sends a MIME post on the same handle.
 */
public final class Lib589 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl;
    curl_mime mime = null;
    curl_mimepart part;

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
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

      if (testnum == 584) {
        mime = curl_mime_init(curl);
        part = curl_mime_addpart(mime);
        if (mime != null && part != null) {
          curl_mime_name(part, "fake");
          curl_mime_data(part, "party", 5);
          easy_setopt(curl, CURLOPT_MIMEPOST, mime);
          result = curl_easy_perform(curl);
        }
        if (result != 0) {
          goto_test_cleanup();
        }
      }

      easy_setopt(curl, CURLOPT_MIMEPOST, (curl_mime) null);

      // a POST of zero bytes
      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_mime_free(mime);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
