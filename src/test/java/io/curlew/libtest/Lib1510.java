package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_slist;

/**
 * Port of curl 8.21.0 tests/libtest/lib1510.c: four transfers to four host names on one
 * easy handle with CURLOPT_MAXCONNECTS 3: the oldest connection is closed.
 */
public final class Lib1510 extends LibTest {

  private static final int NUM_URLS = 4;

  @Override
  protected int test(String URL) {
    CURL curl = null;
    String targetUrl;
    String dnsentry;
    curl_slist slist = null;
    curl_slist slist2;
    String port = libtest_arg3;
    String address = libtest_arg2;

    try {
      // fake DNS entries serverX.example.com for every transfer
      for (int i = 0; i < NUM_URLS; i++) {
        dnsentry = String.format("server%d.example.com:%s:%s", i + 1, port, address);
        curl_mprintf("%s\n", dnsentry);
        slist2 = curl_slist_append(slist, dnsentry);
        slist = slist2;
      }

      start_test_timing();

      if (res_global_init(CURL_GLOBAL_ALL) != 0) {
        return result;
      }

      curl = easy_init();

      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);
      easy_setopt(curl, CURLOPT_RESOLVE, slist);
      easy_setopt(curl, CURLOPT_MAXCONNECTS, 3L);

      for (int i = 0; i < NUM_URLS; i++) {
        targetUrl = String.format("http://server%d.example.com:%s/path/1510%04d", i + 1, port,
            i + 1);
        easy_setopt(curl, CURLOPT_URL, targetUrl);

        result = curl_easy_perform(curl);
        if (result != 0) {
          goto_test_cleanup();
        }

        abort_on_test_timeout();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // proper order, type PB
    curl_easy_cleanup(curl);
    curl_slist_free_all(slist);
    curl_global_cleanup();

    return result;
  }
}
