package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib503.c: a multi transfer tunnelled through an HTTP
 * proxy (CONNECT), with server and proxy credentials.
 */
public final class Lib503 extends LibTest {

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
      easy_setopt(curl, CURLOPT_PROXY, libtest_arg2);
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_USERPWD, "test:ing");
      easy_setopt(curl, CURLOPT_PROXYUSERNAME, "test%20");
      easy_setopt(curl, CURLOPT_PROXYPASSWORD, "ing%41");
      easy_setopt(curl, CURLOPT_HTTPPROXYTUNNEL, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      multi = multi_init();
      multi_add_handle(multi, curl);

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
