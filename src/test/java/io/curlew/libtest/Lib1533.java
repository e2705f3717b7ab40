package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1533.c: a POST whose read callback pauses until
 * the (error) response arrives, then the write callback unpauses it; counts the
 * connections used without and with CURLOPT_KEEP_SENDING_ON_ERROR.
 */
public final class Lib1533 extends LibTest {

  /** C's struct cb_data */
  static final class CbData {
    CURL curl;
    boolean responseReceived;
    boolean paused;
    long remainingBytes;
  }

  static void reset_data(CbData data, CURL curl) {
    data.curl = curl;
    data.responseReceived = false;
    data.paused = false;
    data.remainingBytes = 3;
  }

  static long t1533_read_cb(CurlBuffer ptr, long size, long nitems, Object userp) {
    CbData data = (CbData) userp;

    // nothing before the server sent all of its response headers
    if (data.responseReceived) {
      long totalsize = nitems * size;

      long bytesToSend = data.remainingBytes;
      if (bytesToSend > totalsize) {
        bytesToSend = totalsize;
      }

      for (long i = 0; i < bytesToSend; i++) {
        ptr.put(i, (byte) 'a');
      }
      data.remainingBytes -= bytesToSend;

      return bytesToSend;
    } else {
      data.paused = true;
      return CURL_READFUNC_PAUSE;
    }
  }

  static long t1533_write_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    CbData data = (CbData) userp;
    long totalsize = nmemb * size;

    // the response headers are in
    data.responseReceived = true;

    if (data.paused) {
      // go on sending the body
      data.paused = false;
      curl_easy_pause(data.curl, CURLPAUSE_CONT);
    }

    return totalsize;
  }

  private static int perform_and_check_connections(CURL curl, String description,
      long expectedConnections) {
    int res;
    long[] connections = new long[1];

    res = curl_easy_perform(curl);
    if (res != CURLE_OK) {
      stderr.printf("curl_easy_perform() failed with %d\n", res);
      return TEST_ERR_MAJOR_BAD;
    }

    res = curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, connections);
    if (res != CURLE_OK) {
      stderr.printf("curl_easy_getinfo() failed\n");
      return TEST_ERR_MAJOR_BAD;
    }

    stderr.printf("%s: expected: %d connections; actual: %d connections\n", description,
        expectedConnections, connections[0]);

    if (connections[0] != expectedConnections) {
      return TEST_ERR_FAILURE;
    }

    return TEST_ERR_SUCCESS;
  }

  @Override
  protected int test(String URL) {
    CbData data = new CbData();
    CURL curl;

    result = TEST_ERR_FAILURE;

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
      reset_data(data, curl);

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_POST, 1L);
      easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, data.remainingBytes);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_READFUNCTION, (curl_read_callback) Lib1533::t1533_read_cb);
      easy_setopt(curl, CURLOPT_READDATA, data);
      easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Lib1533::t1533_write_cb);
      easy_setopt(curl, CURLOPT_WRITEDATA, data);

      result = perform_and_check_connections(curl,
          "First request without CURLOPT_KEEP_SENDING_ON_ERROR", 1);
      if (result != TEST_ERR_SUCCESS) {
        goto_test_cleanup();
      }

      reset_data(data, curl);

      result = perform_and_check_connections(curl,
          "Second request without CURLOPT_KEEP_SENDING_ON_ERROR", 1);
      if (result != TEST_ERR_SUCCESS) {
        goto_test_cleanup();
      }

      easy_setopt(curl, CURLOPT_KEEP_SENDING_ON_ERROR, 1L);

      reset_data(data, curl);

      result = perform_and_check_connections(curl,
          "First request with CURLOPT_KEEP_SENDING_ON_ERROR", 1);
      if (result != TEST_ERR_SUCCESS) {
        goto_test_cleanup();
      }

      reset_data(data, curl);

      result = perform_and_check_connections(curl,
          "Second request with CURLOPT_KEEP_SENDING_ON_ERROR", 0);
      if (result != TEST_ERR_SUCCESS) {
        goto_test_cleanup();
      }

      result = TEST_ERR_SUCCESS;
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
