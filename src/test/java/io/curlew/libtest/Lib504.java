package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib504.c: a multi transfer through a proxy port where
 * nothing listens must end (not hang) with one message in the queue.
 */
public final class Lib504 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    CURLM multi = null;
    fd_set rd = new fd_set();
    fd_set wr = new fd_set();
    fd_set exc = new fd_set();
    int[] running = new int[1];

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      // nothing may listen on the given proxy port
      if (libtest_arg2 != null) {
        easy_setopt(curl, CURLOPT_PROXY, libtest_arg2);
      }
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      multi = multi_init();
      multi_add_handle(multi, curl);

      for (;;) {
        int[] maxfd = {-99};

        stderr.printf("curl_multi_perform()\n");

        multi_perform(multi, running);

        while (running[0] != 0) {
          int[] num = new int[1];
          int mresult = curl_multi_wait(multi, null, 0, (int) TEST_HANG_TIMEOUT, num);
          if (mresult != CURLM_OK) {
            curl_mprintf("curl_multi_wait() returned %d\n", mresult);
            result = TEST_ERR_MAJOR_BAD;
            goto_test_cleanup();
          }

          abort_on_test_timeout();

          multi_perform(multi, running);

          abort_on_test_timeout();
        }

        abort_on_test_timeout();

        if (running[0] == 0) {
          // the expected way out
          int[] numleft = new int[1];
          CURLMsg msg = curl_multi_info_read(multi, numleft);
          stderr.printf("Expected: not running\n");
          if (msg != null && numleft[0] == 0) {
            result = TEST_ERR_SUCCESS;
          } else {
            result = TEST_ERR_FAILURE;
          }
          break;
        }

        stderr.printf("running == %d\n", running[0]);

        FD_ZERO(rd);
        FD_ZERO(wr);
        FD_ZERO(exc);

        stderr.printf("curl_multi_fdset()\n");

        multi_fdset(multi, rd, wr, exc, maxfd);
        select_test(maxfd[0] + 1, rd, wr, exc, 1000);
        abort_on_test_timeout();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    if (multi != null && curl != null) {
      curl_multi_remove_handle(multi, curl);
    }
    curl_multi_cleanup(multi);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
