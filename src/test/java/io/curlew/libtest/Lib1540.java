package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_debug_callback;
import io.curlew.raw.curl_write_callback;
import io.curlew.raw.curl_xferinfo_callback;

/**
 * Port of curl 8.21.0 tests/libtest/lib1540.c: the write callback pauses the transfer
 * with CURL_WRITEFUNC_PAUSE on its first call; the progress callback unpauses it with
 * curl_easy_pause(CURLPAUSE_CONT) on its second call while paused. The chunked body with
 * trailers must arrive whole.
 */
public final class Lib1540 extends LibTest {

  /** C's struct t1540_transfer_status */
  static final class TransferStatus {
    CURL curl;
    boolean halted;
    int counter; // write callback calls
    int please; // progress calls while halted
  }

  static int please_continue(Object userp, long dltotal, long dlnow, long ultotal,
      long ulnow) {
    TransferStatus st = (TransferStatus) userp;
    if (st.halted) {
      st.please++;
      if (st.please == 2) {
        // paused long enough
        curl_easy_pause(st.curl, CURLPAUSE_CONT);
      }
    }
    stderr.printf("xferinfo: paused %d\n", st.halted ? 1 : 0);
    return 0; // go on
  }

  static long t1540_header_callback(CurlBuffer ptr, long size, long nmemb, Object userp) {
    long len = size * nmemb;
    fwrite(ptr, size, nmemb, stdout);
    return len;
  }

  static long t1540_write_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    TransferStatus st = (TransferStatus) userp;
    long len = size * nmemb;
    st.counter++;
    if (st.counter > 1) {
      // only the first call pauses: these come after the unpause
      fwrite(ptr, size, nmemb, stdout);
      return len;
    }
    if (len != 0) {
      curl_mprintf("Got bytes but pausing!\n");
    }
    st.halted = true;
    return CURL_WRITEFUNC_PAUSE;
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
      easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Lib1540::t1540_write_cb);
      easy_setopt(curl, CURLOPT_WRITEDATA, st);
      easy_setopt(curl, CURLOPT_HEADERFUNCTION,
          (curl_write_callback) Lib1540::t1540_header_callback);
      easy_setopt(curl, CURLOPT_HEADERDATA, st);

      easy_setopt(curl, CURLOPT_XFERINFOFUNCTION,
          (curl_xferinfo_callback) Lib1540::please_continue);
      easy_setopt(curl, CURLOPT_XFERINFODATA, st);
      easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);

      TestTrace.debug_config.nohex = true;
      TestTrace.debug_config.tracetime = true;
      easy_setopt(curl, CURLOPT_DEBUGDATA, TestTrace.debug_config);
      easy_setopt(curl, CURLOPT_DEBUGFUNCTION,
          (curl_debug_callback) TestTrace::libtest_debug_cb);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
