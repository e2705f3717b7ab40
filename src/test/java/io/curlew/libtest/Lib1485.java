package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1485.c: CURLINFO_RESPONSE_CODE and
 * CURLINFO_CONTENT_LENGTH_DOWNLOAD_T read from inside the header callback at the end of
 * each response's headers.
 */
public final class Lib1485 extends LibTest {

  /** C's struct t1485_transfer_status */
  static final class TransferStatus {
    CURL curl;
    long outLen;
    long hdLine;
    int result;
    int httpStatus;
  }

  static long t1485_header_callback(CurlBuffer ptr, long size, long nmemb, Object userp) {
    TransferStatus st = (TransferStatus) userp;
    long len = size * nmemb;
    int res;

    fwrite(ptr, size, nmemb, stdout);
    ++st.hdLine;
    if (len == 2 && ptr.get(0) == '\r' && ptr.get(1) == '\n') {
      long[] clen = new long[1];
      long[] httpcode = {0};
      // the end of one response's headers
      res = curl_easy_getinfo(st.curl, CURLINFO_RESPONSE_CODE, httpcode);
      stderr.printf("header_callback, get status: %d, %d\n", httpcode[0], res);
      if (httpcode[0] < 100 || httpcode[0] >= 1000) {
        stderr.printf("header_callback, invalid status: %d, %d\n", httpcode[0], res);
        return CURLE_WRITE_ERROR;
      }
      st.httpStatus = (int) httpcode[0];
      if (st.httpStatus >= 200 && st.httpStatus < 300) {
        res = curl_easy_getinfo(st.curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, clen);
        stderr.printf("header_callback, info Content-Length: %d, %d\n", clen[0], res);
        if (res != 0) {
          st.result = res;
          return CURLE_WRITE_ERROR;
        }
        if (clen[0] < 0) {
          stderr.printf("header_callback, expected known Content-Length, got: %d\n",
              clen[0]);
          return CURLE_WRITE_ERROR;
        }
      }
    }
    return len;
  }

  static long t1485_write_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    TransferStatus st = (TransferStatus) userp;
    long len = size * nmemb;
    fwrite(ptr, size, nmemb, stdout);
    st.outLen += len;
    return len;
  }

  @Override
  protected int test(String URL) {
    CURL curl = null;
    TransferStatus st = new TransferStatus();

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();
      st.curl = curl; // for the callbacks

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Lib1485::t1485_write_cb);
      easy_setopt(curl, CURLOPT_WRITEDATA, st);
      easy_setopt(curl, CURLOPT_HEADERFUNCTION,
          (curl_write_callback) Lib1485::t1485_header_callback);
      easy_setopt(curl, CURLOPT_HEADERDATA, st);

      easy_setopt(curl, CURLOPT_NOPROGRESS, 1L);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
