package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.curl_slist;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib1502.c: a CURLOPT_RESOLVE entry survives
 * curl_easy_duphandle; the multi transfer of the copy is followed by one of four cleanup
 * orders (tests 1502 to 1505).
 */
public final class Lib1502 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    CURL curldupe;
    CURLM multi = null;
    int[] stillRunning = new int[1];
    String redirect;
    curl_slist dnsCacheList;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    redirect = String.format("google.com:%s:%s", libtest_arg2, libtest_arg3);

    start_test_timing();

    // an entry in the DNS cache
    dnsCacheList = curl_slist_append(null, redirect);

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_HEADER, 1L);
      easy_setopt(curl, CURLOPT_RESOLVE, dnsCacheList);

      curldupe = curl_easy_duphandle(curl);
      if (curldupe != null) {
        curl_easy_cleanup(curl);
        curl = curldupe;
      } else {
        curl_slist_free_all(dnsCacheList);
        curl_easy_cleanup(curl);
        curl_global_cleanup();
        return CURLE_OUT_OF_MEMORY;
      }

      multi = multi_init();

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
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    switch (testnum) {
      case 1503 -> {
        // proper order, type PA
        curl_multi_remove_handle(multi, curl);
        curl_multi_cleanup(multi);
        curl_easy_cleanup(curl);
        curl_global_cleanup();
      }
      case 1504 -> {
        // undocumented order, type UB: the easy handle freed while in the multi
        curl_easy_cleanup(curl);
        curl_multi_cleanup(multi);
        curl_global_cleanup();
      }
      case 1505 -> {
        // proper order, type PB
        curl_multi_remove_handle(multi, curl);
        curl_easy_cleanup(curl);
        curl_multi_cleanup(multi);
        curl_global_cleanup();
      }
      default -> {
        // 1502: undocumented order, type UA
        curl_multi_cleanup(multi);
        curl_easy_cleanup(curl);
        curl_global_cleanup();
      }
    }

    curl_slist_free_all(dnsCacheList);

    return result;
  }
}
