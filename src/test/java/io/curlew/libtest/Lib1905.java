package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLSH;
import io.curlew.raw.fd_set;

/**
 * Port of curl 8.21.0 tests/libtest/lib1905.c: cookies in a share handle, received in a
 * multi transfer, written to the cookie jar by COOKIELIST "FLUSH" before the handle leaves
 * the share.
 */
public final class Lib1905 extends LibTest {

  @Override
  protected int test(String URL) {
    CURLSH share;
    CURL curl = null;
    int[] unfinished = new int[1];
    CURLM multi;

    curl_global_init(CURL_GLOBAL_ALL);

    multi = curl_multi_init();
    if (multi == null) {
      curl_global_cleanup();
      return TEST_ERR_MULTI;
    }
    share = curl_share_init();
    if (share != null) {
      curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
      curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);

      curl = curl_easy_init();
      if (curl != null) {
        curl_easy_setopt(curl, CURLOPT_SHARE, share);
        curl_easy_setopt(curl, CURLOPT_URL, URL);
        curl_easy_setopt(curl, CURLOPT_COOKIEFILE, libtest_arg2);
        curl_easy_setopt(curl, CURLOPT_COOKIEJAR, libtest_arg2);

        curl_multi_add_handle(multi, curl);

        unfinished[0] = 1;
        while (unfinished[0] != 0) {
          int[] max = {0};
          long[] maxTout = new long[1];
          long timeoutMs;
          fd_set r = new fd_set();
          fd_set w = new fd_set();
          fd_set e = new fd_set();

          FD_ZERO(r);
          FD_ZERO(w);
          FD_ZERO(e);
          curl_multi_perform(multi, unfinished);

          curl_multi_fdset(multi, r, w, e, max);
          curl_multi_timeout(multi, maxTout);

          if (maxTout[0] > 0) {
            timeoutMs = maxTout[0];
          } else {
            timeoutMs = 1; // C: 1000 microseconds
          }

          select(max[0] + 1, r, w, e, timeoutMs);
        }

        curl_easy_setopt(curl, CURLOPT_COOKIELIST, "FLUSH");
        curl_easy_setopt(curl, CURLOPT_SHARE, (CURLSH) null);

        curl_multi_remove_handle(multi, curl);
      }
    }

    // cleanup:
    curl_easy_cleanup(curl);
    curl_share_cleanup(share);
    curl_multi_cleanup(multi);
    curl_global_cleanup();

    return CURLE_OK;
  }
}
