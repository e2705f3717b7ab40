package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_xferinfo_callback;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib670.c: a MIME part's read callback pauses the
 * upload with CURL_READFUNC_PAUSE; after five seconds the transfer is unpaused from the
 * multi loop (670) or from the progress callback of an easy transfer (671). Tests 672 and
 * 673 run the same with the deprecated form API (curl_formadd), which curlew's raw layer
 * does not offer.
 */
public final class Lib670 extends LibTest {

  private static final int PAUSE_TIME = 5;

  /** C's struct t670_ReadThis */
  static final class ReadThis {
    CURL curl;
    long origin; // seconds
    int count;
  }

  private static long time() {
    return System.currentTimeMillis() / 1000;
  }

  static long t670_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    ReadThis pooh = (ReadThis) userp;
    long delta;

    if (size * nmemb < 1) {
      return 0;
    }

    switch (pooh.count++) {
      case 0:
        ptr.put(0, (byte) 0x41); // A
        return 1;
      case 1:
        pooh.origin = time();
        return CURL_READFUNC_PAUSE;
      case 2:
        delta = time() - pooh.origin;
        ptr.put(0, (byte) (delta >= PAUSE_TIME ? 0x42 : 0x41)); // B after the pause, else A
        return 1;
      case 3:
        return 0;
      default:
        break;
    }
    stderr.printf("Read callback called after EOF\n");
    System.exit(1);
    return 0;
  }

  static int t670_xferinfo(Object clientp, long dltotal, long dlnow, long ultotal,
      long ulnow) {
    ReadThis pooh = (ReadThis) clientp;

    if (pooh.origin != 0) {
      long delta = time() - pooh.origin;

      if (delta >= 4 * PAUSE_TIME) {
        stderr.printf("unpausing failed: drain problem?\n");
        return CURLE_ABORTED_BY_CALLBACK;
      }

      if (delta >= PAUSE_TIME) {
        curl_easy_pause(pooh.curl, CURLPAUSE_CONT);
      }
    }

    return 0;
  }

  @Override
  protected int test(String URL) {
    final String testname = "field";
    curl_mime mime = null;
    ReadThis pooh = new ReadThis();

    result = TEST_ERR_FAILURE;

    if (testnum != 670 && testnum != 671) {
      stderr.printf("test %d needs curl_formadd, which curlew's raw layer lacks\n", testnum);
      return TEST_ERR_USAGE;
    }

    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      stderr.printf("curl_global_init() failed\n");
      return TEST_ERR_MAJOR_BAD;
    }

    pooh.origin = 0;
    pooh.count = 0;
    pooh.curl = curl_easy_init();

    try {
      easy_setopt(pooh.curl, CURLOPT_URL, URL);
      easy_setopt(pooh.curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(pooh.curl, CURLOPT_HEADER, 1L);

      curl_mimepart part;

      mime = curl_mime_init(pooh.curl);
      part = curl_mime_addpart(mime);
      result = curl_mime_name(part, testname);
      if (result != CURLE_OK) {
        stderr.printf("Something went wrong when building the mime structure: %d\n", result);
        goto_test_cleanup();
      }

      result = curl_mime_data_cb(part, 2, (curl_read_callback) Lib670::t670_read_cb, null,
          null, pooh);

      if (result == CURLE_OK) {
        easy_setopt(pooh.curl, CURLOPT_MIMEPOST, mime);
      }

      if (testnum == 670) {
        int mresult;
        CURLM multi;

        // the multi interface
        multi = curl_multi_init();
        mresult = curl_multi_add_handle(multi, pooh.curl);
        while (mresult == 0) {
          int rc;
          fd_set fdread = new fd_set();
          fd_set fdwrite = new fd_set();
          fd_set fdexcept = new fd_set();
          int[] maxfd = {-1};
          int[] stillRunning = {0};

          mresult = curl_multi_perform(multi, stillRunning);
          if (stillRunning[0] == 0 || mresult != CURLM_OK) {
            break;
          }

          if (pooh.origin != 0) {
            long delta = time() - pooh.origin;

            if (delta >= 4 * PAUSE_TIME) {
              stderr.printf("unpausing failed: drain problem?\n");
              result = CURLE_OPERATION_TIMEDOUT;
              break;
            }

            if (delta >= PAUSE_TIME) {
              curl_easy_pause(pooh.curl, CURLPAUSE_CONT);
            }
          }

          FD_ZERO(fdread);
          FD_ZERO(fdwrite);
          FD_ZERO(fdexcept);
          mresult = curl_multi_fdset(multi, fdread, fdwrite, fdexcept, maxfd);
          if (mresult != 0) {
            break;
          }
          rc = select(maxfd[0] + 1, fdread, fdwrite, fdexcept, 1000L * PAUSE_TIME / 10);
          if (rc == -1) {
            stderr.printf("Select error\n");
            break;
          }
        }

        if (mresult != CURLM_OK) {
          for (;;) {
            int[] msgsLeft = new int[1];
            CURLMsg msg = curl_multi_info_read(multi, msgsLeft);
            if (msg == null) {
              break;
            }
            if (msg.msg == CURLMSG_DONE) {
              result = msg.data.result;
            }
          }
        }

        curl_multi_remove_handle(multi, pooh.curl);
        curl_multi_cleanup(multi);
      } else {
        // the easy interface
        easy_setopt(pooh.curl, CURLOPT_XFERINFODATA, pooh);
        easy_setopt(pooh.curl, CURLOPT_XFERINFOFUNCTION,
            (curl_xferinfo_callback) Lib670::t670_xferinfo);
        easy_setopt(pooh.curl, CURLOPT_NOPROGRESS, 0L);
        result = curl_easy_perform(pooh.curl);
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(pooh.curl);
    curl_mime_free(mime);
    curl_global_cleanup();
    return result;
  }
}
