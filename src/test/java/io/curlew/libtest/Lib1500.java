package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;

/**
 * Port of curl 8.21.0 tests/libtest/lib1500.c: one multi transfer driven by
 * curl_multi_wait; the result is the transfer's own code from curl_multi_info_read.
 */
public final class Lib1500 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    CURLM multi = null;
    int[] stillRunning = new int[1];
    int i = TEST_ERR_FAILURE;
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
        int[] num = new int[1];
        int mresult = curl_multi_wait(multi, null, 0, (int) TEST_HANG_TIMEOUT, num);
        if (mresult != CURLM_OK) {
          curl_mprintf("curl_multi_wait() returned %d\n", mresult);
          result = TEST_ERR_MAJOR_BAD;
          goto_test_cleanup();
        }

        abort_on_test_timeout();

        multi_perform(multi, stillRunning);

        abort_on_test_timeout();
      }

      msg = curl_multi_info_read(multi, stillRunning);
      if (msg != null) {
        // the easy handle's result
        i = msg.data.result;
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // the undocumented order: multi cleanup with the easy handle still in it
    curl_multi_cleanup(multi);
    curl_easy_cleanup(curl);
    curl_global_cleanup();

    if (result != 0) {
      i = result;
    }
    return i;
  }
}
