package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_header;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1940.c: after a transfer (following redirects,
 * maybe through a proxy tunnel), a fixed list of header names is looked up with
 * curl_easy_header for each origin, repeated headers by index. Test 1946 asks about the
 * first request instead of the last.
 */
public final class Lib1940 extends LibTest {

  private static final String[] TESTDATA = {
    "daTE",
    "Server",
    "content-type",
    "content-length",
    "location",
    "set-cookie",
    "silly-thing",
    "fold",
    "blank",
    "Blank2",
    "Test",
    null
  };

  private static void t1940_showem(CURL curl, int headerRequest, int type) {
    curl_header[] header = new curl_header[1];

    for (int i = 0; TESTDATA[i] != null; i++) {
      if (CURLHE_OK == curl_easy_header(curl, TESTDATA[i], 0, type, headerRequest, header)) {
        if (header[0].amount > 1) {
          // several: walk them by index
          long index = 0;
          long amount = header[0].amount;
          do {
            curl_mprintf("- %s == %s (%d/%d)\n", header[0].name, header[0].value, index,
                amount);

            if (++index == amount) {
              break;
            }
            if (CURLHE_OK != curl_easy_header(curl, TESTDATA[i], index, type, headerRequest,
                header)) {
              break;
            }
          } while (true);
        } else {
          // just one
          curl_mprintf(" %s == %s\n", header[0].name, header[0].value);
        }
      }
    }
  }

  @Override
  protected int test(String URL) {
    CURL curl = null;
    int headerRequest;
    if (testnum == 1946) {
      headerRequest = 0;
    } else {
      headerRequest = -1;
    }

    if (res_global_init(CURL_GLOBAL_DEFAULT) != 0) {
      return result;
    }

    try {
      curl = easy_init();
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
      // the body does not matter
      easy_setopt(curl, CURLOPT_WRITEFUNCTION,
          (curl_write_callback) LibTest::tutil_throwaway_cb);
      // a proxy when one is given
      if (libtest_arg2 != null && !libtest_arg2.isEmpty()) {
        easy_setopt(curl, CURLOPT_PROXY, libtest_arg2);
        easy_setopt(curl, CURLOPT_HTTPPROXYTUNNEL, 1L);
      }
      result = curl_easy_perform(curl);
      if (result != 0) {
        goto_test_cleanup();
      }

      t1940_showem(curl, headerRequest, CURLH_HEADER);
      if (libtest_arg2 != null && !libtest_arg2.isEmpty()) {
        // the CONNECT response's headers
        t1940_showem(curl, headerRequest, CURLH_CONNECT);
      }
      t1940_showem(curl, headerRequest, CURLH_1XX);
      t1940_showem(curl, headerRequest, CURLH_TRAILER);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
