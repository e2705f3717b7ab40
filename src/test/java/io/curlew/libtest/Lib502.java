package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib502.c: one URL through the multi interface,
 * waiting with curl_multi_fdset and select().
 */
public final class Lib502 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    CURLM multi = null;
    int[] running = new int[1];

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();
      easy_setopt(curl, CURLOPT_URL, URL);
      multi = multi_init();
      multi_add_handle(multi, curl);

      for (;;) {
        fd_set fdread = new fd_set();
        fd_set fdwrite = new fd_set();
        fd_set fdexcep = new fd_set();
        int[] maxfd = {-99};

        multi_perform(multi, running);
        abort_on_test_timeout();
        if (running[0] == 0) {
          break;
        }

        FD_ZERO(fdread);
        FD_ZERO(fdwrite);
        FD_ZERO(fdexcep);
        multi_fdset(multi, fdread, fdwrite, fdexcep, maxfd);
        // maxfd is at least -1 here
        select_test(maxfd[0] + 1, fdread, fdwrite, fdexcep, 100);
        abort_on_test_timeout();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // the proper order: remove, multi cleanup, easy cleanup
    if (multi != null && curl != null) {
      curl_multi_remove_handle(multi, curl);
    }
    curl_multi_cleanup(multi);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
