package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.fd_set;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * Port of curl 8.21.0 tests/libtest/lib591.c: an active-mode FTP upload through the multi
 * interface whose server never connects back; CURLOPT_ACCEPTTIMEOUT_MS (arg2 seconds)
 * must end it with the right error.
 */
public final class Lib591 extends LibTest {

  @Override
  protected int test(String URL) throws IOException {
    CURL curl = null;
    CURLM multi = null;
    int[] running = new int[1];
    int[] msgsLeft = new int[1];
    CURLMsg msg;
    FileInputStream upload;
    long acceptTimeout;

    try {
      acceptTimeout = Long.parseLong(libtest_arg2);
    } catch (NumberFormatException | NullPointerException e) {
      return TEST_ERR_MAJOR_BAD;
    }
    if (acceptTimeout < 0 || acceptTimeout > 65535) {
      return TEST_ERR_MAJOR_BAD;
    }

    start_test_timing();

    try {
      upload = new FileInputStream(libtest_arg3);
    } catch (IOException e) {
      stderr.printf("fopen() failed with error %s\n", e.getMessage());
      stderr.printf("Error opening file '%s'\n", libtest_arg3);
      return TEST_ERR_FOPEN;
    }

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      upload.close();
      return result;
    }

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      // the default read function reads READDATA, like fread() on a FILE *
      easy_setopt(curl, CURLOPT_READDATA, upload);
      // active FTP
      easy_setopt(curl, CURLOPT_FTPPORT, "-");
      // how long to wait for the server to connect back
      easy_setopt(curl, CURLOPT_ACCEPTTIMEOUT_MS, acceptTimeout * 1000);

      multi = multi_init();

      multi_add_handle(multi, curl);

      for (;;) {
        long intervalMs;
        fd_set fdread = new fd_set();
        fd_set fdwrite = new fd_set();
        fd_set fdexcep = new fd_set();
        long[] timeout = {-99};
        int[] maxfd = {-99};

        multi_perform(multi, running);

        abort_on_test_timeout();

        if (running[0] == 0) {
          break; // done
        }

        FD_ZERO(fdread);
        FD_ZERO(fdwrite);
        FD_ZERO(fdexcep);

        multi_fdset(multi, fdread, fdwrite, fdexcep, maxfd);

        multi_timeout(multi, timeout);

        // timeout is at least -1 here
        if (timeout[0] != -1) {
          intervalMs = Math.min(timeout[0], Integer.MAX_VALUE);
        } else {
          intervalMs = 100;
        }

        select_test(maxfd[0] + 1, fdread, fdwrite, fdexcep, intervalMs);

        abort_on_test_timeout();
      }

      msg = curl_multi_info_read(multi, msgsLeft);
      if (msg != null) {
        result = msg.data.result;
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // the undocumented order, type UA
    curl_multi_cleanup(multi);
    curl_easy_cleanup(curl);
    curl_global_cleanup();

    upload.close();

    return result;
  }
}
