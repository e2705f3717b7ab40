package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib2308.c: a write callback answering
 * CURL_WRITEFUNC_ERROR fails the transfer with CURLE_WRITE_ERROR.
 */
public final class Lib2308 extends LibTest {

  static long cb_curl(CurlBuffer buffer, long size, long nmemb, Object userp) {
    return CURL_WRITEFUNC_ERROR;
  }

  @Override
  protected int test(String URL) {
    CURL curl;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }
    curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Lib2308::cb_curl);
    curl_easy_setopt(curl, CURLOPT_URL, URL);
    result = curl_easy_perform(curl);
    curl_mprintf("Returned %d, should be %d.\n", result, CURLE_WRITE_ERROR);
    stdout.flush();
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return CURLE_OK;
  }
}
