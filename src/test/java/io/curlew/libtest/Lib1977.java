package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLU;

/**
 * Port of curl 8.21.0 tests/libtest/lib1977.c: CURLINFO_EFFECTIVE_URL after transfers with
 * one CURLU, then another, then the same one changed without setting it again.
 */
public final class Lib1977 extends LibTest {

  @Override
  protected int test(String URL) {
    CURLU curlu = curl_url();
    CURLU curlu2 = curl_url();
    CURL curl = null;
    String[] effective = new String[1];

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      // first: the URL in the first CURLU
      curl_url_set(curlu, CURLUPART_URL, URL, CURLU_DEFAULT_SCHEME);
      easy_setopt(curl, CURLOPT_CURLU, curlu);
      result = curl_easy_perform(curl);
      if (result != 0) {
        goto_test_cleanup();
      }

      effective[0] = null;
      result = curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, effective);
      if (result != 0) {
        goto_test_cleanup();
      }
      curl_mprintf("effective URL: %s\n", effective[0]);

      // second: URL and query in the second CURLU
      curl_url_set(curlu2, CURLUPART_URL, URL, CURLU_DEFAULT_SCHEME);
      curl_url_set(curlu2, CURLUPART_QUERY, "foo", 0);
      easy_setopt(curl, CURLOPT_CURLU, curlu2);
      result = curl_easy_perform(curl);
      if (result != 0) {
        goto_test_cleanup();
      }

      effective[0] = null;
      result = curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, effective);
      if (result != 0) {
        goto_test_cleanup();
      }
      curl_mprintf("effective URL: %s\n", effective[0]);

      // third: the second CURLU changed in place, not set again; libcurl reads it anew
      curl_url_set(curlu2, CURLUPART_QUERY, "bar", CURLU_APPENDQUERY);
      result = curl_easy_perform(curl);
      if (result != 0) {
        goto_test_cleanup();
      }

      effective[0] = null;
      result = curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, effective);
      if (result != 0) {
        goto_test_cleanup();
      }
      curl_mprintf("effective URL: %s\n", effective[0]);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_url_cleanup(curlu);
    curl_url_cleanup(curlu2);
    curl_global_cleanup();
    return result;
  }
}
