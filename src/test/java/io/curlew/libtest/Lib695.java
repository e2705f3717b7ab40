package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib695.c: a MIME structure that was already sent as
 * the top-level post is reused as the subparts of another one and must be rewound.
 */
public final class Lib695 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl;
    curl_mime mime1 = null;
    curl_mime mime2 = null;
    curl_mimepart part;

    result = TEST_ERR_FAILURE;

    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      stderr.printf("curl_global_init() failed\n");
      return TEST_ERR_MAJOR_BAD;
    }

    curl = curl_easy_init();

    try {
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      // nothing written
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION,
          (curl_write_callback) LibTest::tutil_throwaway_cb);

      mime1 = curl_mime_init(curl);
      part = curl_mime_addpart(mime1);
      curl_mime_data(part, "<title>hello</title>", CURL_ZERO_TERMINATED);
      curl_mime_type(part, "text/html");
      curl_mime_name(part, "data");

      // the first structure as the top-level post
      curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime1);

      result = curl_easy_perform(curl);

      if (result != CURLE_OK) {
        stderr.printf("curl_easy_perform() 1 failed: %s\n", curl_easy_strerror(result));
      } else {
        // a second structure, on the same handle
        mime2 = curl_mime_init(curl);
        part = curl_mime_addpart(mime2);

        curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime2);

        // the first one becomes a child of it
        result = curl_mime_subparts(part, mime1);
        if (result != CURLE_OK) {
          stderr.printf("curl_mime_subparts() failed: %s\n", curl_easy_strerror(result));
        } else {
          mime1 = null;

          result = curl_easy_perform(curl);

          if (result != CURLE_OK) {
            stderr.printf("curl_easy_perform() 2 failed: %s\n", curl_easy_strerror(result));
          }
        }
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_mime_free(mime1);
    curl_mime_free(mime2);
    curl_global_cleanup();
    return result;
  }
}
