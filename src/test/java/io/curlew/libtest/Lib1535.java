package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;

/**
 * Port of curl 8.21.0 tests/libtest/lib1535.c: CURLINFO_PROTOCOL is 0 on a new handle,
 * CURLPROTO_HTTP after an HTTP transfer, and 0 again on a duplicate and after
 * curl_easy_reset.
 */
@SuppressWarnings("deprecation") // CURLINFO_PROTOCOL, as the C test uses it
public final class Lib1535 extends LibTest {

  private final long[] protocol = new long[1];

  @Override
  protected int test(String URL) {
    CURL curl = null;
    CURL dupe = null;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      // set up by curl_easy_init
      if (getinfoFailed(curl)) {
        goto_test_cleanup();
      }
      if (protocol[0] != 0) {
        stderr.printf("%s protocol init failed; expected 0 but is %d\n", where(), protocol[0]);
        result = CURLE_FAILED_INIT;
        goto_test_cleanup();
      }

      easy_setopt(curl, CURLOPT_URL, URL);

      result = curl_easy_perform(curl);
      if (result != 0) {
        stderr.printf("%s curl_easy_perform() failed with code %d (%s)\n", where(), result,
            curl_easy_strerror(result));
        goto_test_cleanup();
      }

      // set by the transfer
      if (getinfoFailed(curl)) {
        goto_test_cleanup();
      }
      if (protocol[0] != CURLPROTO_HTTP) {
        stderr.printf("%s protocol of http resource is incorrect; expected %d but is %d\n",
            where(),
            CURLPROTO_HTTP, protocol[0]);
        result = CURLE_HTTP_RETURNED_ERROR;
        goto_test_cleanup();
      }

      // a duplicate starts fresh
      dupe = curl_easy_duphandle(curl);
      if (dupe == null) {
        stderr.printf("%s curl_easy_duphandle() failed\n", where());
        result = CURLE_FAILED_INIT;
        goto_test_cleanup();
      }

      if (getinfoFailed(dupe)) {
        goto_test_cleanup();
      }
      if (protocol[0] != 0) {
        stderr.printf("%s protocol init failed; expected 0 but is %d\n", where(), protocol[0]);
        result = CURLE_FAILED_INIT;
        goto_test_cleanup();
      }

      // and so does a reset handle
      curl_easy_reset(curl);

      if (getinfoFailed(curl)) {
        goto_test_cleanup();
      }
      if (protocol[0] != 0) {
        stderr.printf("%s protocol init failed; expected 0 but is %d\n", where(), protocol[0]);
        result = CURLE_FAILED_INIT;
        goto_test_cleanup();
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_easy_cleanup(dupe);
    curl_global_cleanup();
    return result;
  }

  /** curl_easy_getinfo(CURLINFO_PROTOCOL) into the field; reports a failure */
  private boolean getinfoFailed(CURL handle) {
    result = curl_easy_getinfo(handle, CURLINFO_PROTOCOL, protocol);
    if (result != 0) {
      stderr.printf("%s curl_easy_getinfo() failed with code %d (%s)\n", where(), result,
          curl_easy_strerror(result));
      return true;
    }
    return false;
  }
}
