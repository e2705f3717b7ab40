package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Port of curl 8.21.0 tests/libtest/lib566.c: CURLINFO_CONTENT_LENGTH_DOWNLOAD (the double
 * form) of a response without a body, written to the file named by arg2.
 */
@SuppressWarnings("deprecation") // CURLINFO_CONTENT_LENGTH_DOWNLOAD, as the C test uses it
public final class Lib566 extends LibTest {

  @Override
  protected int test(String URL) throws IOException {
    CURL curl;
    double[] contentLength = {3};

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

      result = curl_easy_perform(curl);

      if (result == 0) {
        result = curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD, contentLength);
        try (PrintStream moo = new PrintStream(new FileOutputStream(libtest_arg2))) {
          moo.printf("CL %.0f\n", contentLength[0]);
        }
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
