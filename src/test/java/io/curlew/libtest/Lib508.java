package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_read_callback;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl 8.21.0 tests/libtest/lib508.c: a POST of known size whose body the read
 * callback hands over one byte per call.
 */
public final class Lib508 extends LibTest {

  /** C's struct t508_WriteThis */
  static final class WriteThis {
    byte[] data;
    int readptr;
    long sizeleft;
  }

  static long t508_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    WriteThis pooh = (WriteThis) userp;

    if (size * nmemb < 1) {
      return 0;
    }

    if (pooh.sizeleft != 0) {
      ptr.put(0, pooh.data[pooh.readptr]); // one byte
      pooh.readptr++;
      pooh.sizeleft--;
      return 1; // one byte per call
    }

    return 0; // the end
  }

  @Override
  protected int test(String URL) {
    final String testdata = "this is what we post to the silly web server\n";
    CURL curl;
    WriteThis pooh = new WriteThis();

    pooh.data = testdata.getBytes(StandardCharsets.US_ASCII);
    pooh.readptr = 0;
    pooh.sizeleft = pooh.data.length;

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
      easy_setopt(curl, CURLOPT_POST, 1L);
      easy_setopt(curl, CURLOPT_POSTFIELDSIZE, pooh.sizeleft);
      easy_setopt(curl, CURLOPT_READFUNCTION, (curl_read_callback) Lib508::t508_read_cb);
      easy_setopt(curl, CURLOPT_READDATA, pooh);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
