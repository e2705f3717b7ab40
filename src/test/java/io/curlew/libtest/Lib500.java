package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_closesocket_callback;
import io.curlew.raw.curl_debug_callback;
import io.curlew.raw.curl_opensocket_callback;
import io.curlew.raw.curl_sockaddr;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Port of curl 8.21.0 tests/libtest/lib500.c: one GET with the verbose trace on; the
 * server's address and the order of the transfer's time stamps go to the file named by
 * arg2. Tests 585, 586, 595 and 596 also count socket opens and closes on stdout.
 */
public final class Lib500 extends LibTest {

  private int testcounter;

  private int tst_opensocket(Object clientp, int purpose, curl_sockaddr addr) {
    curl_mprintf("[OPEN] counter: %d\n", ++testcounter);
    return socket(addr.family, addr.socktype, addr.protocol);
  }

  private int tst_closesocket(Object clientp, int sock) {
    curl_mprintf("[CLOSE] counter: %d\n", testcounter--);
    return close(sock);
  }

  private void setupcallbacks(CURL curl) {
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION,
        (curl_opensocket_callback) this::tst_opensocket);
    curl_easy_setopt(curl, CURLOPT_CLOSESOCKETFUNCTION,
        (curl_closesocket_callback) this::tst_closesocket);
    testcounter = 0;
  }

  @Override
  protected int test(String URL) throws IOException {
    CURL curl;
    String[] ipstr = new String[1];

    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      stderr.printf("curl_global_init() failed\n");
      return TEST_ERR_MAJOR_BAD;
    }

    curl = curl_easy_init();
    if (curl == null) {
      stderr.printf("curl_easy_init() failed\n");
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }

    try {
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

      TestTrace.debug_config.nohex = true;
      TestTrace.debug_config.tracetime = true;
      easy_setopt(curl, CURLOPT_DEBUGDATA, TestTrace.debug_config);
      easy_setopt(curl, CURLOPT_DEBUGFUNCTION,
          (curl_debug_callback) TestTrace::libtest_debug_cb);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      if (libtest_arg3 != null && libtest_arg3.equals("activeftp")) {
        easy_setopt(curl, CURLOPT_FTPPORT, "-");
      }

      if (testnum == 585 || testnum == 586 || testnum == 595 || testnum == 596) {
        setupcallbacks(curl);
      }

      negative_control(curl);

      result = curl_easy_perform(curl);

      if (result == 0) {
        result = curl_easy_getinfo(curl, CURLINFO_PRIMARY_IP, ipstr);
        if (libtest_arg2 != null) {
          try (PrintStream moo = new PrintStream(new FileOutputStream(libtest_arg2))) {
            long[] timeNamelookup = new long[1];
            long[] timeConnect = new long[1];
            long[] timePretransfer = new long[1];
            long[] timePosttransfer = new long[1];
            long[] timeStarttransfer = new long[1];
            long[] timeTotal = new long[1];
            moo.printf("IP %s\n", ipstr[0]);
            curl_easy_getinfo(curl, CURLINFO_NAMELOOKUP_TIME_T, timeNamelookup);
            curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, timeConnect);
            curl_easy_getinfo(curl, CURLINFO_PRETRANSFER_TIME_T, timePretransfer);
            curl_easy_getinfo(curl, CURLINFO_POSTTRANSFER_TIME_T, timePosttransfer);
            curl_easy_getinfo(curl, CURLINFO_STARTTRANSFER_TIME_T, timeStarttransfer);
            curl_easy_getinfo(curl, CURLINFO_TOTAL_TIME_T, timeTotal);

            // only the order of the time stamps is stable: report when it is off
            order(moo, "namelookup vs connect", timeNamelookup[0], timeConnect[0]);
            order(moo, "connect vs pretransfer", timeConnect[0], timePretransfer[0]);
            order(moo, "pretransfer vs posttransfer", timePretransfer[0],
                timePosttransfer[0]);
            order(moo, "pretransfer vs starttransfer", timePretransfer[0],
                timeStarttransfer[0]);
            order(moo, "starttransfer vs total", timeStarttransfer[0], timeTotal[0]);
            order(moo, "posttransfer vs total", timePosttransfer[0], timeTotal[0]);
          }
        }
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();

    return result;
  }

  private static void order(PrintStream moo, String what, long first, long second) {
    if (first > second) {
      moo.printf("%s: %d.%06d %d.%06d\n", what, first / 1000000, first % 1000000,
          second / 1000000, second % 1000000);
    }
  }
}
