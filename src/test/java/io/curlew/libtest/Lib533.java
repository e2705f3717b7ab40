package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib533.c: one easy handle, transferred in a multi
 * handle, removed, reset with curl_easy_reset, given the second URL and added again.
 */
public final class Lib533 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    int[] running = new int[1];
    CURLM multi = null;
    int current = 0;

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_FAILONERROR, 1L);

      multi = multi_init();

      multi_add_handle(multi, curl);

      stderr.printf("Start at URL 0\n");

      for (;;) {
        fd_set rd = new fd_set();
        fd_set wr = new fd_set();
        fd_set exc = new fd_set();
        int[] maxfd = {-99};

        multi_perform(multi, running);

        abort_on_test_timeout();

        if (running[0] == 0) {
          if (current++ == 0) {
            stderr.printf("Advancing to URL 1\n");
            // take the handle out
            curl_multi_remove_handle(multi, curl);

            // the same handle again, reset first
            curl_easy_reset(curl);

            easy_setopt(curl, CURLOPT_URL, libtest_arg2);
            easy_setopt(curl, CURLOPT_VERBOSE, 1L);
            easy_setopt(curl, CURLOPT_FAILONERROR, 1L);

            // and back in
            multi_add_handle(multi, curl);
          } else {
            break; // done
          }
        }

        FD_ZERO(rd);
        FD_ZERO(wr);
        FD_ZERO(exc);

        multi_fdset(multi, rd, wr, exc, maxfd);
        select_test(maxfd[0] + 1, rd, wr, exc, 1000);

        abort_on_test_timeout();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // the undocumented order, type UB: the easy handle freed while in the multi
    curl_easy_cleanup(curl);
    curl_multi_cleanup(multi);
    curl_global_cleanup();

    return result;
  }
}
