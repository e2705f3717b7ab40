package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.curl_slist;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib1506.c: four transfers to four host names (through
 * CURLOPT_RESOLVE) one after the other on a multi handle with CURLMOPT_MAXCONNECTS 3: the
 * oldest connection is closed (checked in the verbose output on stderr).
 */
public final class Lib1506 extends LibTest {

  @Override
  protected int test(String URL) throws InterruptedException {
    CURL[] curl = new CURL[NUM_HANDLES];
    int[] running = new int[1];
    CURLM multi = null;
    String targetUrl;
    String dnsentry;
    curl_slist slist = null;
    curl_slist slist2;
    String port = libtest_arg3;
    String address = libtest_arg2;

    try {
      // fake DNS entries serverX.example.com for every handle
      for (int i = 0; i < curl.length; i++) {
        dnsentry = String.format("server%d.example.com:%s:%s", i + 1, port, address);
        curl_mprintf("%s\n", dnsentry);
        slist2 = curl_slist_append(slist, dnsentry);
        slist = slist2;
      }

      start_test_timing();

      if (res_global_init(CURL_GLOBAL_ALL) != 0) {
        return result;
      }

      multi = multi_init();

      multi_setopt(multi, CURLMOPT_MAXCONNECTS, 3L);

      for (int i = 0; i < curl.length; i++) {
        curl[i] = easy_init();
        targetUrl = String.format("http://server%d.example.com:%s/path/1506%04d", i + 1, port,
            i + 1);
        easy_setopt(curl[i], CURLOPT_URL, targetUrl);
        easy_setopt(curl[i], CURLOPT_VERBOSE, 1L);
        easy_setopt(curl[i], CURLOPT_HEADER, 1L);
        easy_setopt(curl[i], CURLOPT_RESOLVE, slist);
      }

      stderr.printf("Start at URL 0\n");

      for (int i = 0; i < curl.length; i++) {
        multi_add_handle(multi, curl[i]);

        for (;;) {
          fd_set rd = new fd_set();
          fd_set wr = new fd_set();
          fd_set exc = new fd_set();
          int[] maxfd = {-99};

          multi_perform(multi, running);

          abort_on_test_timeout();

          if (running[0] == 0) {
            break;
          }

          FD_ZERO(rd);
          FD_ZERO(wr);
          FD_ZERO(exc);

          multi_fdset(multi, rd, wr, exc, maxfd);
          select_test(maxfd[0] + 1, rd, wr, exc, 1000);

          abort_on_test_timeout();
        }
        Thread.sleep(1); // different end times, as the C test ensures
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // proper order, type PB
    for (int i = 0; i < curl.length; i++) {
      if (multi != null && curl[i] != null) {
        curl_multi_remove_handle(multi, curl[i]);
      }
      curl_easy_cleanup(curl[i]);
    }

    curl_slist_free_all(slist);

    curl_multi_cleanup(multi);
    curl_global_cleanup();

    return result;
  }
}
