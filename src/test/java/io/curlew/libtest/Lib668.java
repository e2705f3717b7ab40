package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;
import io.curlew.raw.curl_read_callback;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl 8.21.0 tests/libtest/lib668.c: MIME parts from read callbacks, one of known
 * size and one of unknown size (chunked), and a file part; the data must end where it
 * does.
 */
public final class Lib668 extends LibTest {

  /** C's struct t668_WriteThis */
  static final class WriteThis {
    byte[] data;
    int readptr;
    long sizeleft;
  }

  static long t668_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    WriteThis pooh = (WriteThis) userp;
    long len = pooh.sizeleft;

    if (len > nmemb) {
      len = nmemb;
    }
    if (len != 0) {
      ptr.copyFrom(0, pooh.data, pooh.readptr, (int) len);
      pooh.readptr += (int) len;
      pooh.sizeleft -= len;
    }
    return len;
  }

  @Override
  protected int test(String URL) {
    final byte[] testdata = "dummy".getBytes(StandardCharsets.US_ASCII);
    CURL curl;
    curl_mime mime = null;
    curl_mimepart part;
    WriteThis pooh1 = new WriteThis();
    WriteThis pooh2 = new WriteThis();
    curl_read_callback readCb = Lib668::t668_read_cb;

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

      pooh1.data = testdata;
      pooh1.sizeleft = testdata.length;
      pooh2.data = testdata;
      pooh2.sizeleft = testdata.length;

      mime = curl_mime_init(curl);
      part = curl_mime_addpart(mime);
      curl_mime_name(part, "field1");
      // a known size lets libcurl see an early end of the data
      curl_mime_data_cb(part, pooh1.sizeleft, readCb, null, null, pooh1);
      part = curl_mime_addpart(mime);
      curl_mime_name(part, "field2");
      // an unknown size: chunked, no early end detection for this part
      curl_mime_data_cb(part, -1, readCb, null, null, pooh2);
      part = curl_mime_addpart(mime);
      curl_mime_name(part, "field3");
      // a file: its size is known and its end checked
      curl_mime_filedata(part, libtest_arg2);

      easy_setopt(curl, CURLOPT_MIMEPOST, mime);

      result = curl_easy_perform(curl);
      if (result != CURLE_OK) {
        stderr.printf("curl_easy_perform() failed\n");
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_mime_free(mime);
    curl_global_cleanup();
    return result;
  }
}
