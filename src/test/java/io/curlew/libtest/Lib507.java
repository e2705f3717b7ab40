package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib507.c: a multi transfer whose result comes from
 * curl_multi_info_read; the multi handle is cleaned up before the easy handle, without
 * removing it first.
 */
public final class Lib507 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    CURLM multi = null;
    int[] stillRunning = new int[1];
    int i = TEST_ERR_MAJOR_BAD;
    CURLMsg msg;

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      multi = multi_init();
      curl = easy_init();

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

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

      msg = curl_multi_info_read(multi, stillRunning);
      if (msg != null) {
        // the easy handle's result code
        i = msg.data.result;
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // the undocumented order: multi cleanup first, the easy handle still in it
    curl_multi_cleanup(multi);
    curl_easy_cleanup(curl);
    curl_global_cleanup();

    if (result != 0) {
      i = result;
    }
    return i;
  }
}
