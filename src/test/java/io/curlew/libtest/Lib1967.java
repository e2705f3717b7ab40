package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURLU;

/**
 * Port of curl 8.21.0 tests/libtest/lib1967.c: a URL whose scheme was guessed keeps it
 * when a relative URL is set on top with CURLU_NO_GUESS_SCHEME.
 */
public final class Lib1967 extends LibTest {

  @Override
  protected int test(String URL) {
    CURLU u = curl_url();
    if (u != null) {
      String[] url = new String[1];
      curl_url_set(u, CURLUPART_URL, "a.b", CURLU_GUESS_SCHEME);
      curl_url_set(u, CURLUPART_URL, "/x", CURLU_NO_GUESS_SCHEME);
      if (curl_url_get(u, CURLUPART_URL, url, 0) == 0) {
        curl_mprintf("URL %s\n", url[0]);
        curl_free(url[0]);
      }
      curl_url_cleanup(u);
    }
    return CURLE_OK;
  }
}
