package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_slist;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl 8.21.0 tests/libtest/lib510.c: a chunked POST (forced with a
 * Transfer-Encoding header) whose body comes from a read callback, four pieces; test 565
 * adds Digest authentication.
 */
public final class Lib510 extends LibTest {

  /** C's struct t510_WriteThis */
  static final class WriteThis {
    int counter;
  }

  private static final String[] TESTPOST = {
    "one",
    "two",
    "three",
    "and a final longer crap: four",
    null
  };

  static long t510_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    WriteThis pooh = (WriteThis) userp;

    if (size * nmemb < 1) {
      return 0;
    }

    String data = TESTPOST[pooh.counter];
    if (data != null) {
      byte[] b = data.getBytes(StandardCharsets.US_ASCII);
      if (size * nmemb < b.length) {
        stderr.printf("read buffer is too small to run test\n");
        return 0;
      }
      ptr.copyFrom(0, b, 0, b.length);
      pooh.counter++;
      return b.length;
    }
    return 0; // the end
  }

  @Override
  protected int test(String URL) {
    CURL curl;
    curl_slist slist = null;
    WriteThis pooh = new WriteThis();

    pooh.counter = 0;

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

    slist = curl_slist_append(slist, "Transfer-Encoding: chunked");

    try {
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_POST, 1L);
      easy_setopt(curl, CURLOPT_READFUNCTION, (curl_read_callback) Lib510::t510_read_cb);
      easy_setopt(curl, CURLOPT_READDATA, pooh);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);
      // the header forces chunked encoding
      easy_setopt(curl, CURLOPT_HTTPHEADER, slist);

      if (testnum == 565) {
        easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_DIGEST);
        easy_setopt(curl, CURLOPT_USERPWD, "foo:bar");
      }

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    if (slist != null) {
      curl_slist_free_all(slist);
    }
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
