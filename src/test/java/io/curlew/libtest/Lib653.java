package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;

/**
 * Port of curl 8.21.0 tests/libtest/lib653.c: a MIME post sent twice, a part's data made
 * longer in between; the second request must carry the new length.
 */
public final class Lib653 extends LibTest {

  @Override
  protected int test(String URL) {
    CURL curl = null;
    curl_mimepart field;
    curl_mime mime = null;

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();

      mime = curl_mime_init(curl);
      field = curl_mime_addpart(mime);
      curl_mime_name(field, "name");
      curl_mime_data(field, "short value", CURL_ZERO_TERMINATED);

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_HEADER, 1L);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_MIMEPOST, mime);
      easy_setopt(curl, CURLOPT_NOPROGRESS, 1L);

      result = curl_easy_perform(curl);
      if (result != 0) {
        goto_test_cleanup();
      }

      // change the form, send again
      curl_mime_data(field, "long value for length change", CURL_ZERO_TERMINATED);
      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_mime_free(mime);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
