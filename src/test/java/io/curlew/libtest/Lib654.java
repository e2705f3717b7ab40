package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_free_callback;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_slist;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl 8.21.0 tests/libtest/lib654.c: a MIME post bound to a handle that is then
 * duplicated; freeing the structure unbinds it from the original only, the copy still
 * sends every part (a read-callback part included), and the part's free callback runs
 * once per copy.
 */
public final class Lib654 extends LibTest {

  /** C's struct t654_WriteThis */
  static final class WriteThis {
    byte[] data;
    int readptr;
    long sizeleft;
    int freecount;
  }

  static void free_callback(Object userp) {
    WriteThis pooh = (WriteThis) userp;
    pooh.freecount++;
  }

  static long t654_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    WriteThis pooh = (WriteThis) userp;
    boolean eof;

    if (size * nmemb < 1) {
      return 0;
    }

    eof = pooh.sizeleft <= 0;
    if (!eof) {
      pooh.sizeleft--;
    }

    if (!eof) {
      ptr.put(0, pooh.data[pooh.readptr]); // one byte per call
      pooh.readptr++;
      return 1;
    }

    return 0;
  }

  @Override
  protected int test(String URL) {
    final byte[] testdata = "dummy\n".getBytes(StandardCharsets.US_ASCII);
    CURL curl;
    CURL curl2 = null;
    curl_mime mime = null;
    curl_mimepart part;
    curl_slist hdrs = null;
    WriteThis pooh = new WriteThis();

    result = TEST_ERR_FAILURE;

    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      stderr.printf("curl_global_init() failed\n");
      return TEST_ERR_MAJOR_BAD;
    }

    curl = curl_easy_init();

    try {
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

      pooh.data = testdata;
      pooh.readptr = 0;
      pooh.sizeleft = testdata.length;
      pooh.freecount = 0;

      // the MIME tree
      mime = curl_mime_init(curl);
      part = curl_mime_addpart(mime);
      curl_mime_data(part, "hello", CURL_ZERO_TERMINATED);
      curl_mime_name(part, "greeting");
      curl_mime_type(part, "application/X-Greeting");
      curl_mime_encoder(part, "base64");
      hdrs = curl_slist_append(hdrs, "X-Test-Number: 654");
      curl_mime_headers(part, hdrs, 1);
      part = curl_mime_addpart(mime);
      curl_mime_filedata(part, libtest_arg2);
      part = curl_mime_addpart(mime);
      curl_mime_data_cb(part, -1, (curl_read_callback) Lib654::t654_read_cb, null,
          (curl_free_callback) Lib654::free_callback, pooh);

      easy_setopt(curl, CURLOPT_MIMEPOST, mime);

      curl2 = curl_easy_duphandle(curl);
      if (curl2 == null) {
        stderr.printf("curl_easy_duphandle() failed\n");
        result = TEST_ERR_FAILURE;
        goto_test_cleanup();
      }

      // freeing the structure unbinds it from the first handle
      curl_mime_free(mime);
      mime = null;

      // the first handle sends no data
      result = curl_easy_perform(curl);
      if (result != CURLE_OK) {
        stderr.printf("curl_easy_perform(original) failed\n");
        goto_test_cleanup();
      }

      // the copy has its own copy of the structure
      result = curl_easy_perform(curl2);
      if (result != CURLE_OK) {
        stderr.printf("curl_easy_perform(duplicated) failed\n");
        goto_test_cleanup();
      }

      // freeing the copy frees its parts: the free callback runs the second time
      curl_easy_cleanup(curl2);
      curl2 = null;
      if (pooh.freecount != 2) {
        stderr.printf("free_callback() called %d times instead of 2\n", pooh.freecount);
        result = TEST_ERR_FAILURE;
        goto_test_cleanup();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_easy_cleanup(curl2);
    curl_mime_free(mime);
    curl_global_cleanup();
    return result;
  }
}
