package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib1531.c: binary POSTFIELDS (with a NUL byte) and
 * their size set after the handle joined a multi handle, driven by curl_multi_fdset and
 * select() with curl_multi_timeout.
 */
public final class Lib1531 extends LibTest {

  @Override
  protected int test(String URL) throws InterruptedException {
    final byte[] testdata = {'.', 'a', 'b', 'c', 0, 'x', 'y', 'z'};
    final long testdatalen = testdata.length;

    CURL curl;
    CURLM multi;
    int[] stillRunning = new int[1];
    CURLMsg msg;
    int[] msgsLeft = new int[1];

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    curl = curl_easy_init();

    multi = curl_multi_init();

    curl_multi_add_handle(multi, curl);

    // options set while the handle is in the multi handle
    curl_easy_setopt(curl, CURLOPT_URL, URL);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, testdatalen);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, testdata);

    curl_multi_perform(multi, stillRunning);

    try {
      abort_on_test_timeout();

      do {
        long timeoutMs;
        int rc;
        int mresult;

        fd_set fdread = new fd_set();
        fd_set fdwrite = new fd_set();
        fd_set fdexcep = new fd_set();
        int[] maxfd = {-1};

        long[] curlTimeo = {-1};

        FD_ZERO(fdread);
        FD_ZERO(fdwrite);
        FD_ZERO(fdexcep);

        // at most a second
        timeoutMs = 1000;

        curl_multi_timeout(multi, curlTimeo);
        if (curlTimeo[0] >= 0) {
          timeoutMs = curlTimeo[0];
          if (timeoutMs / 1000 > 1) {
            timeoutMs = 1000;
          }
        }

        mresult = curl_multi_fdset(multi, fdread, fdwrite, fdexcep, maxfd);

        if (mresult != CURLM_OK) {
          stderr.printf("curl_multi_fdset() failed, code %d.\n", mresult);
          break;
        }

        // no descriptors yet: wait 100 ms, as curl_multi_fdset's documentation suggests
        if (maxfd[0] == -1) {
          Thread.sleep(100);
          rc = 0;
        } else {
          rc = select(maxfd[0] + 1, fdread, fdwrite, fdexcep, timeoutMs);
        }

        if (rc != -1) {
          // timeout or action
          curl_multi_perform(multi, stillRunning);
        }

        abort_on_test_timeout();
      } while (stillRunning[0] != 0);

      // how did the transfer go
      do {
        msg = curl_multi_info_read(multi, msgsLeft);
        if (msg != null && msg.msg == CURLMSG_DONE) {
          curl_mprintf("HTTP transfer completed with status %d\n", msg.data.result);
          break;
        }

        abort_on_test_timeout();
      } while (msg != null);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_multi_cleanup(multi);

    curl_easy_cleanup(curl);
    curl_global_cleanup();

    return result;
  }
}
