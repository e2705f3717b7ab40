package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_write_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1541.c: the *_TIME_T infos read inside the first
 * header callback and after the transfer must be set (or 0 where they must be).
 */
public final class Lib1541 extends LibTest {

  /** C's struct t1541_transfer_status */
  static final class TransferStatus {
    CURL curl;
    int hdCount;
    int bdCount;
  }

  private static void t1541_geterr(String name, int val, String lineno) {
    curl_mprintf("CURLINFO_%s returned %d, \"%s\" on line %s\n", name, val,
        curl_easy_strerror(val), lineno);
  }

  private static void report_time(String key, String where, long time, boolean ok) {
    if (ok) {
      curl_mprintf("%s on %s is OK\n", key, where);
    } else {
      curl_mprintf("%s on %s is WRONG: %d\n", key, where, time);
    }
  }

  /** C's check_time(curl, KN(info), where): KN() passes the constant and its name */
  private static void check_time(CURL curl, int key, String name, String where) {
    long[] tval = new long[1];
    int res = curl_easy_getinfo(curl, key, tval);
    if (res != 0) {
      t1541_geterr(name, res, where());
    } else {
      report_time(name, where, tval[0], tval[0] > 0);
    }
  }

  private static void check_time0(CURL curl, int key, String name, String where) {
    long[] tval = new long[1];
    int res = curl_easy_getinfo(curl, key, tval);
    if (res != 0) {
      t1541_geterr(name, res, where());
    } else {
      report_time(name, where, tval[0], tval[0] == 0);
    }
  }

  static long t1541_header_callback(CurlBuffer ptr, long size, long nmemb, Object userp) {
    TransferStatus st = (TransferStatus) userp;
    long len = size * nmemb;

    if (st.hdCount++ == 0) {
      // the first header: these infos are known by now
      check_time(st.curl, CURLINFO_CONNECT_TIME_T, "CURLINFO_CONNECT_TIME_T", "1st header");
      check_time(st.curl, CURLINFO_PRETRANSFER_TIME_T, "CURLINFO_PRETRANSFER_TIME_T",
          "1st header");
      check_time(st.curl, CURLINFO_STARTTRANSFER_TIME_T, "CURLINFO_STARTTRANSFER_TIME_T",
          "1st header");
      // updated all along
      check_time(st.curl, CURLINFO_TOTAL_TIME_T, "CURLINFO_TOTAL_TIME_T", "1st header");
      // no TLS: 0
      check_time0(st.curl, CURLINFO_APPCONNECT_TIME_T, "CURLINFO_APPCONNECT_TIME_T",
          "1st header");
      // no body yet
      check_time0(st.curl, CURLINFO_SPEED_DOWNLOAD_T, "CURLINFO_SPEED_DOWNLOAD_T",
          "1st header");
    }
    fwrite(ptr, size, nmemb, stdout);
    return len;
  }

  static long t1541_write_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    fwrite(ptr, size, nmemb, stdout);
    return size * nmemb;
  }

  @Override
  protected int test(String URL) {
    CURL curl = null;
    TransferStatus st = new TransferStatus();

    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != 0) {
      return result;
    }

    try {
      curl = easy_init();
      st.curl = curl; // for the callbacks

      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Lib1541::t1541_write_cb);
      easy_setopt(curl, CURLOPT_WRITEDATA, st);
      easy_setopt(curl, CURLOPT_HEADERFUNCTION,
          (curl_write_callback) Lib1541::t1541_header_callback);
      easy_setopt(curl, CURLOPT_HEADERDATA, st);

      easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);

      result = curl_easy_perform(curl);

      check_time(curl, CURLINFO_CONNECT_TIME_T, "CURLINFO_CONNECT_TIME_T", "done");
      check_time(curl, CURLINFO_PRETRANSFER_TIME_T, "CURLINFO_PRETRANSFER_TIME_T", "done");
      check_time(curl, CURLINFO_POSTTRANSFER_TIME_T, "CURLINFO_POSTTRANSFER_TIME_T", "done");
      check_time(curl, CURLINFO_STARTTRANSFER_TIME_T, "CURLINFO_STARTTRANSFER_TIME_T", "done");
      // no TLS: 0
      check_time0(curl, CURLINFO_APPCONNECT_TIME_T, "CURLINFO_APPCONNECT_TIME_T", "done");
      check_time(curl, CURLINFO_SPEED_DOWNLOAD_T, "CURLINFO_SPEED_DOWNLOAD_T", "done");
      check_time(curl, CURLINFO_TOTAL_TIME_T, "CURLINFO_TOTAL_TIME_T", "done");
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
