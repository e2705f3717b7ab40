package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_prereq_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib2082.c: CURLOPT_PREREQFUNCTION reports the
 * connection's addresses and ports; "#ipv6", "#err" and "#redir" in the URL select
 * brackets, an abort, and redirect following.
 */
public final class Lib2082 extends LibTest {

  /** C's struct prcs */
  static final class Prcs {
    int prereqRetcode;
    boolean ipv6;
  }

  static int prereq_callback(Object clientp, String connPrimaryIp, String connLocalIp,
      int connPrimaryPort, int connLocalPort) {
    Prcs prereqCb = (Prcs) clientp;

    if (prereqCb.ipv6) {
      curl_mprintf("Connected to [%s]\n", connPrimaryIp);
      curl_mprintf("Connected from [%s]\n", connLocalIp);
    } else {
      curl_mprintf("Connected to %s\n", connPrimaryIp);
      curl_mprintf("Connected from %s\n", connLocalIp);
    }

    curl_mprintf("Remote port = %d\n", connPrimaryPort);
    curl_mprintf("Local port = %d\n", connLocalPort);
    curl_mprintf("Returning = %d\n", prereqCb.prereqRetcode);
    return prereqCb.prereqRetcode;
  }

  @Override
  protected int test(String URL) {
    CURL curl;
    Prcs prereqCb = new Prcs();

    result = TEST_ERR_MAJOR_BAD;
    prereqCb.prereqRetcode = CURL_PREREQFUNC_OK;
    prereqCb.ipv6 = false;

    curl_global_init(CURL_GLOBAL_ALL);
    curl = curl_easy_init();

    if (curl != null) {
      if (URL.contains("#ipv6")) {
        // the addresses come in brackets
        prereqCb.ipv6 = true;
      }
      if (URL.contains("#err")) {
        // the callback refuses the transfer
        prereqCb.prereqRetcode = CURL_PREREQFUNC_ABORT;
      }

      curl_easy_setopt(curl, CURLOPT_URL, URL);
      curl_easy_setopt(curl, CURLOPT_PREREQFUNCTION,
          (curl_prereq_callback) Lib2082::prereq_callback);
      curl_easy_setopt(curl, CURLOPT_PREREQDATA, prereqCb);
      // the body goes to stderr, out of the checked stdout
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, stderr);

      if (URL.contains("#redir")) {
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
      }

      result = curl_easy_perform(curl);
      if (result != 0) {
        stderr.printf("%s curl_easy_perform() failed with code %d (%s)\n", where(), result,
            curl_easy_strerror(result));
      }
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
