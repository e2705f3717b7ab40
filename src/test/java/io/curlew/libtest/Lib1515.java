package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.curl_debug_callback;
import io.curlew.raw.curl_slist;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib1515.c: two multi transfers with a CURLOPT_RESOLVE
 * entry and a one-second DNS cache timeout, the second after the cache entry expired;
 * both must succeed.
 */
public final class Lib1515 extends LibTest {

  private static final long DNS_TIMEOUT = 1;

  private int do_one_request(CURLM multi, String URL, String resolve) {
    CURL curl = null;
    curl_slist resolveList = null;
    int[] stillRunning = new int[1];
    CURLMsg msg;
    int[] msgsLeft = new int[1];
    int res = CURLE_OK;

    resolveList = curl_slist_append(resolveList, resolve);

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_RESOLVE, resolveList);
      easy_setopt(curl, CURLOPT_DNS_CACHE_TIMEOUT, DNS_TIMEOUT);

      TestTrace.debug_config.nohex = true;
      TestTrace.debug_config.tracetime = true;
      easy_setopt(curl, CURLOPT_DEBUGDATA, TestTrace.debug_config);
      easy_setopt(curl, CURLOPT_DEBUGFUNCTION,
          (curl_debug_callback) TestTrace::libtest_debug_cb);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      multi_add_handle(multi, curl);
      multi_perform(multi, stillRunning);

      abort_on_test_timeout();

      while (stillRunning[0] != 0) {
        fd_set fdread = new fd_set();
        fd_set fdwrite = new fd_set();
        fd_set fdexcep = new fd_set();
        int[] maxfd = {-99};

        FD_ZERO(fdread);
        FD_ZERO(fdwrite);
        FD_ZERO(fdexcep);

        multi_fdset(multi, fdread, fdwrite, fdexcep, maxfd);
        select_test(maxfd[0] + 1, fdread, fdwrite, fdexcep, 1000);

        abort_on_test_timeout();
        multi_perform(multi, stillRunning);

        abort_on_test_timeout();
      }

      do {
        msg = curl_multi_info_read(multi, msgsLeft);
        if (msg != null && msg.msg == CURLMSG_DONE && msg.easy_handle == curl) {
          res = msg.data.result;
          break;
        }
      } while (msg != null);
    } catch (TestCleanup jump) {
      // test_cleanup: the helpers set the shared result
      res = result;
    }

    if (curl != null) {
      curl_multi_remove_handle(multi, curl);
    }
    curl_easy_cleanup(curl);
    curl_slist_free_all(resolveList);

    return res;
  }

  @Override
  protected int test(String URL) throws InterruptedException {
    CURLM multi = null;
    String path = URL;
    String address = libtest_arg2;
    String port = libtest_arg3;
    String dnsEntry;
    int count = 2;

    dnsEntry = String.format("testserver.example.com:%s:%s", port, address);

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }
    curl_global_trace("all");

    try {
      multi = multi_init();

      for (int i = 1; i <= count; i++) {
        String targetUrl = String.format("http://testserver.example.com:%s/%s%04d", port, path,
            i);

        // the second request must succeed like the first
        result = do_one_request(multi, targetUrl, dnsEntry);
        if (result != CURLE_OK) {
          stderr.printf("request %s failed with %d\n", targetUrl, result);
          goto_test_cleanup();
        }

        if (i < count) {
          // let the DNS cache entry expire, as the C test does
          Thread.sleep((DNS_TIMEOUT + 1) * 1000);
        }
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_multi_cleanup(multi);
    curl_global_cleanup();

    return result;
  }
}
