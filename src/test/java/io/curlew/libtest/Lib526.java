package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib526.c: four transfers added to a multi handle one
 * after the other, reusing the connection; 527 frees each finished easy handle while it
 * is still in the multi handle, 532 reuses one handle with curl_easy_reset, and the
 * cleanup orders differ per test.
 */
public final class Lib526 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL[] curl = new CURL[NUM_HANDLES];
    int[] running = new int[1];
    CURLM multi = null;
    int current = 0;

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      for (int i = 0; i < curl.length; i++) {
        curl[i] = easy_init();
        easy_setopt(curl[i], CURLOPT_URL, URL);
        easy_setopt(curl[i], CURLOPT_VERBOSE, 1L);
      }

      multi = multi_init();

      multi_add_handle(multi, curl[current]);

      stderr.printf("Start at URL 0\n");

      for (;;) {
        fd_set rd = new fd_set();
        fd_set wr = new fd_set();
        fd_set exc = new fd_set();
        int[] maxfd = {-99};

        multi_perform(multi, running);

        abort_on_test_timeout();

        if (running[0] == 0) {
          if (testnum == 527) {
            // freed while still in the multi handle: an abuse the API must survive
            curl_easy_cleanup(curl[current]);
            curl[current] = null;
          }
          if (++current < curl.length) {
            stderr.printf("Advancing to URL %d\n", current);
            if (testnum == 532) {
              // take the one handle out
              curl_multi_remove_handle(multi, curl[0]);

              // the same handle again, reset first
              curl_easy_reset(curl[0]);
              easy_setopt(curl[0], CURLOPT_URL, URL);
              easy_setopt(curl[0], CURLOPT_VERBOSE, 1L);

              // and back in
              multi_add_handle(multi, curl[0]);
            } else {
              multi_add_handle(multi, curl[current]);
            }
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

    if (testnum == 526 || testnum == 528) {
      // the proper order, type PB
      for (int i = 0; i < curl.length; i++) {
        if (multi != null && curl[i] != null) {
          curl_multi_remove_handle(multi, curl[i]);
        }
        curl_easy_cleanup(curl[i]);
      }
      curl_multi_cleanup(multi);
      curl_global_cleanup();
    } else if (testnum == 527) {
      // the finished handles are freed already; after a failure the rest are not
      if (result != CURLE_OK) {
        for (int i = 0; i < curl.length; i++) {
          curl_easy_cleanup(curl[i]);
        }
      }
      curl_multi_cleanup(multi);
      curl_global_cleanup();
    } else if (testnum == 532) {
      // the undocumented order, type UB
      for (int i = 0; i < curl.length; i++) {
        curl_easy_cleanup(curl[i]);
      }
      curl_multi_cleanup(multi);
      curl_global_cleanup();
    }

    return result;
  }
}
