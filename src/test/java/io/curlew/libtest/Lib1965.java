package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURLU;

/**
 * Port of curl 8.21.0 tests/libtest/lib1965.c: which scheme names curl_url_set accepts
 * (with CURLU_NON_SUPPORT_SCHEME).
 */
public final class Lib1965 extends LibTest {

  private static final String[] SCHEMES = {
    "bad!", "bad{", "bad/", "bad\\", "a!",
    "a+123", "http-2", "http.1",
    "a+-.123", "http-+++2", "http.1--",
    "+a123", "-http2", ".http1",
    "ABC2", "2CBA", "", "a",
    "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd",
    "aaaaaaaaaabbbbbbbbbbccccccccccdddddddddde",
    null};

  @Override
  protected int test(String URL) {
    int rc;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    for (int i = 0; SCHEMES[i] != null; i++) {
      CURLU url = curl_url();
      rc = curl_url_set(url, CURLUPART_SCHEME, SCHEMES[i], CURLU_NON_SUPPORT_SCHEME);
      curl_mprintf("%s %s\n", SCHEMES[i], rc == CURLUE_OK ? "ACCEPTED" : "REJECTED");
      curl_url_cleanup(url);
    }

    curl_global_cleanup();
    return result;
  }
}
