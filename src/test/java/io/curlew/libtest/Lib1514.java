package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_read_callback;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl 8.21.0 tests/libtest/lib1514.c: a POST from a read callback without
 * POSTFIELDSIZE is sent chunked on HTTP/1.1; test 1539 asks for HTTP/1.0, which cannot
 * chunk, and expects the transfer to fail.
 */
public final class Lib1514 extends LibTest {

  /** C's struct t1514_WriteThis */
  static final class WriteThis {
    byte[] data;
    int readptr;
    long sizeleft;
  }

  static long t1514_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    WriteThis pooh = (WriteThis) userp;

    if (size * nmemb < 1) {
      return 0;
    }

    if (pooh.sizeleft != 0) {
      ptr.put(0, pooh.data[pooh.readptr]); // one byte per call
      pooh.readptr++;
      pooh.sizeleft--;
      return 1;
    }

    return 0;
  }

  @Override
  protected int test(String URL) {
    CURL curl = null;
    WriteThis pooh = new WriteThis();
    pooh.data = "dummy".getBytes(StandardCharsets.US_ASCII);
    pooh.sizeleft = pooh.data.length;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_POST, 1L);
      // no POSTFIELDSIZE, on purpose
      easy_setopt(curl, CURLOPT_READFUNCTION, (curl_read_callback) Lib1514::t1514_read_cb);
      easy_setopt(curl, CURLOPT_READDATA, pooh);

      if (testnum == 1539) {
        // HTTP/1.0 has no chunked encoding
        easy_setopt(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_0);
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
