package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_seek_callback;
import io.curlew.raw.curl_slist;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl 8.21.0 tests/libtest/lib1576.c: an upload with CUSTOMREQUEST, a read and a
 * seek callback, following redirects as CURLFOLLOW_OBEYCODE or CURLFOLLOW_FIRSTONLY.
 */
public final class Lib1576 extends LibTest {

  private static final byte[] T1576_DATA =
      "request indicates that the client, which made".getBytes(StandardCharsets.US_ASCII);
  private static final long T1576_DATALEN = T1576_DATA.length;

  static long t1576_read_cb(CurlBuffer ptr, long size, long nmemb, Object stream) {
    long amount = nmemb * size; // what libcurl can take
    if (amount < T1576_DATALEN) {
      return T1576_DATALEN;
    }
    ptr.copyFrom(0, T1576_DATA, 0, T1576_DATA.length);
    return T1576_DATALEN;
  }

  static int t1576_seek_callback(Object ptr, long offset, int origin) {
    if (origin != 0) { // SEEK_SET
      return CURL_SEEKFUNC_FAIL;
    }
    return CURL_SEEKFUNC_OK;
  }

  @Override
  protected int test(String URL) {
    CURL curl;
    curl_slist pHeaderList = null;

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
      easy_setopt(curl, CURLOPT_HEADER, 1L);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      easy_setopt(curl, CURLOPT_READFUNCTION, (curl_read_callback) Lib1576::t1576_read_cb);
      easy_setopt(curl, CURLOPT_SEEKFUNCTION,
          (curl_seek_callback) Lib1576::t1576_seek_callback);
      easy_setopt(curl, CURLOPT_INFILESIZE, T1576_DATALEN);
      easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "CURL");
      if (testnum == 1578 || testnum == 1580) {
        easy_setopt(curl, CURLOPT_FOLLOWLOCATION, CURLFOLLOW_FIRSTONLY);
      } else {
        easy_setopt(curl, CURLOPT_FOLLOWLOCATION, CURLFOLLOW_OBEYCODE);
      }
      // no "Expect: 100-continue"
      pHeaderList = curl_slist_append(pHeaderList, "Expect:");
      curl_easy_setopt(curl, CURLOPT_HTTPHEADER, pHeaderList);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    curl_slist_free_all(pHeaderList);

    return result;
  }
}
