package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.fd_set;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * Port of curl 8.21.0 tests/libtest/lib525.c: an active-mode FTP upload from a file
 * through the multi interface; 529 and the rest differ in the cleanup order.
 */
public final class Lib525 extends LibTest {

  @Override
  protected int test(String URL) throws IOException {
    CURL curl = null;
    FileInputStream hdSrc;
    long fileSize;
    CURLM multi = null;
    int[] running = new int[1];

    start_test_timing();

    if (libtest_arg2 == null) {
      stderr.printf("Usage: test [url] [uploadfile]\n");
      return TEST_ERR_USAGE;
    }

    try {
      hdSrc = new FileInputStream(libtest_arg2);
    } catch (IOException e) {
      stderr.printf("fopen() failed with error %s\n", e.getMessage());
      stderr.printf("Error opening file '%s'\n", libtest_arg2);
      return TEST_ERR_FOPEN;
    }

    // the size of the local file
    fileSize = hdSrc.getChannel().size();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      hdSrc.close();
      return result;
    }

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      // active FTP
      easy_setopt(curl, CURLOPT_FTPPORT, "-");
      // the default read function reads READDATA, like fread() on a FILE *
      easy_setopt(curl, CURLOPT_READDATA, hdSrc);
      easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, fileSize);

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
          break; // done
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

    if (testnum == 529) {
      // the proper order, type PA
      if (multi != null && curl != null) {
        curl_multi_remove_handle(multi, curl);
      }
      curl_multi_cleanup(multi);
      curl_easy_cleanup(curl);
      curl_global_cleanup();
    } else {
      // the proper order, type PB
      if (multi != null && curl != null) {
        curl_multi_remove_handle(multi, curl);
      }
      curl_easy_cleanup(curl);
      curl_multi_cleanup(multi);
      curl_global_cleanup();
    }

    hdSrc.close();

    return result;
  }
}
