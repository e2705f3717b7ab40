package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.curl_debug_callback;
import io.curlew.raw.curl_multi_timer_callback;
import io.curlew.raw.curl_socket_callback;
import io.curlew.raw.fd_set;
import java.util.ArrayList;
import java.util.List;

/**
 * Port of curl 8.21.0 tests/libtest/lib530.c: a transfer driven by
 * curl_multi_socket_action with socket and timer callbacks and select(), run five times:
 * once cleanly, then with the timer callback failing on its 1st or 2nd call and the
 * socket callback failing on its 2nd or 3rd call. Every run must end without a hang or
 * a crash.
 */
public final class Lib530 extends LibTest {

  /** C's static struct t530_ctx */
  private int socketCalls;
  private int maxSocketCalls;
  private int timerCalls;
  private int maxTimerCalls;

  private String t530_tag() {
    return String.format("[T530-%d-%d] [%d/%d]", maxSocketCalls, maxTimerCalls, socketCalls,
        timerCalls);
  }

  private void t530_msg(String msg) {
    stderr.printf("%s %s\n", t530_tag(), msg);
  }

  /** C's struct t530_ReadWriteSockets: the descriptors to watch for reading and writing */
  static final class ReadWriteSockets {
    final List<Integer> read = new ArrayList<>();
    final List<Integer> write = new ArrayList<>();
  }

  /** C's struct curltime used as the timer: unset, or when it runs out */
  static final class Timeout {
    boolean set;
    long atMicros;
  }

  private void t530_removeFd(List<Integer> sockets, int fd, boolean mention) {
    if (mention) {
      stderr.printf("%s remove socket fd %d\n", t530_tag(), fd);
    }
    sockets.removeIf(s -> s == fd);
  }

  private int t530_addFd(List<Integer> sockets, int fd, String what) {
    // each descriptor once: remove, then add
    stderr.printf("%s add socket fd %d for %s\n", t530_tag(), fd, what);
    t530_removeFd(sockets, fd, false);
    sockets.add(fd);
    return 0;
  }

  private int t530_curlSocketCallback(CURL curl, int s, int action, Object userp,
      Object socketp) {
    ReadWriteSockets sockets = (ReadWriteSockets) userp;

    socketCalls++;
    t530_msg("-> CURLMOPT_SOCKETFUNCTION");
    if (socketCalls == maxSocketCalls) {
      t530_msg("<- CURLMOPT_SOCKETFUNCTION returns error");
      return -1;
    }

    if (action == CURL_POLL_IN || action == CURL_POLL_INOUT) {
      if (t530_addFd(sockets.read, s, "read") != 0) {
        return -1;
      }
    }

    if (action == CURL_POLL_OUT || action == CURL_POLL_INOUT) {
      if (t530_addFd(sockets.write, s, "write") != 0) {
        return -1;
      }
    }

    if (action == CURL_POLL_REMOVE) {
      t530_removeFd(sockets.read, s, true);
      t530_removeFd(sockets.write, s, false);
    }

    return 0;
  }

  private static long nowMicros() {
    return System.nanoTime() / 1000;
  }

  private int t530_curlTimerCallback(CURLM multi, long timeoutMs, Object userp) {
    Timeout timeout = (Timeout) userp;

    timerCalls++;
    t530_msg("-> CURLMOPT_TIMERFUNCTION");
    if (timerCalls == maxTimerCalls) {
      t530_msg("<- CURLMOPT_TIMERFUNCTION returns error");
      return -1;
    }
    if (timeoutMs != -1) {
      timeout.set = true;
      timeout.atMicros = nowMicros() + timeoutMs * 1000;
    } else {
      timeout.set = false;
    }
    return 0;
  }

  /** @return whether the transfer is done; success[0] says how it went */
  private int t530_checkForCompletion(CURLM multi, boolean[] success) {
    int res = 0;
    success[0] = false;
    while (true) {
      int[] numMessages = new int[1];
      CURLMsg message = curl_multi_info_read(multi, numMessages);
      if (message == null) {
        break;
      }
      if (message.msg == CURLMSG_DONE) {
        res = 1;
        success[0] = message.data.result == CURLE_OK;
      } else {
        stderr.printf("%s got an unexpected message from curl: %d\n", t530_tag(),
            message.msg);
        res = 1;
        success[0] = false;
      }
    }
    return res;
  }

  private static long t530_getMicroSecondTimeout(Timeout timeout) {
    long res = timeout.atMicros - nowMicros();
    return Math.max(res, 0);
  }

  private static void t530_updateFdSet(List<Integer> sockets, fd_set fdset, int[] maxFd) {
    for (int s : sockets) {
      FD_SET(s, fdset);
      if (maxFd[0] < s + 1) {
        maxFd[0] = s + 1;
      }
    }
  }

  private int socket_action(CURLM multi, int s, int evBitmask, String info) {
    int[] numhandles = {0};
    int mresult = curl_multi_socket_action(multi, s, evBitmask, numhandles);
    if (mresult != CURLM_OK) {
      stderr.printf("%s curl error on %s (%d) %s\n", t530_tag(), info, mresult,
          curl_multi_strerror(mresult));
    }
    return mresult;
  }

  private int t530_checkFdSet(CURLM multi, List<Integer> sockets, fd_set fdset,
      int evBitmask, String name) {
    int mresult = CURLM_OK;
    // a copy: the socket callback may change the list during socket_action
    for (int s : new ArrayList<>(sockets)) {
      if (FD_ISSET(s, fdset)) {
        mresult = socket_action(multi, s, evBitmask, name);
        if (mresult != 0) {
          break;
        }
      }
    }
    return mresult;
  }

  private int testone(String URL, int timerFailAt, int socketFailAt) {
    CURL curl = null;
    CURLM multi = null;
    ReadWriteSockets sockets = new ReadWriteSockets();
    boolean[] success = {false};
    Timeout timeout = new Timeout();

    result = CURLE_OK;

    // the limits
    socketCalls = 0;
    timerCalls = 0;
    maxTimerCalls = timerFailAt;
    maxSocketCalls = socketFailAt;

    t530_msg("start");
    start_test_timing();

    if (res_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      return result;
    }

    try {
      curl = easy_init();

      easy_setopt(curl, CURLOPT_URL, URL);

      easy_setopt(curl, CURLOPT_DEBUGDATA, TestTrace.debug_config);
      easy_setopt(curl, CURLOPT_DEBUGFUNCTION,
          (curl_debug_callback) TestTrace::libtest_debug_cb);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      multi = multi_init();

      multi_setopt(multi, CURLMOPT_SOCKETFUNCTION,
          (curl_socket_callback) this::t530_curlSocketCallback);
      multi_setopt(multi, CURLMOPT_SOCKETDATA, sockets);

      multi_setopt(multi, CURLMOPT_TIMERFUNCTION,
          (curl_multi_timer_callback) this::t530_curlTimerCallback);
      multi_setopt(multi, CURLMOPT_TIMERDATA, timeout);

      multi_add_handle(multi, curl);

      if (socket_action(multi, CURL_SOCKET_TIMEOUT, 0, "timeout") != 0) {
        result = TEST_ERR_MAJOR_BAD;
        goto_test_cleanup();
      }

      while (t530_checkForCompletion(multi, success) == 0) {
        fd_set readSet = new fd_set();
        fd_set writeSet = new fd_set();
        int[] maxFd = {0};
        long tvMicros = 10_000_000;

        FD_ZERO(readSet);
        FD_ZERO(writeSet);
        t530_updateFdSet(sockets.read, readSet, maxFd);
        t530_updateFdSet(sockets.write, writeSet, maxFd);

        if (timeout.set) {
          tvMicros = t530_getMicroSecondTimeout(timeout);
        } else if (maxFd[0] <= 0) {
          tvMicros = 100_000;
        }

        // select() takes milliseconds here: round up, so an unexpired timer is not polled
        select_test(maxFd[0], readSet, writeSet, null, (tvMicros + 999) / 1000);

        // the sockets that are ready
        if (t530_checkFdSet(multi, sockets.read, readSet, CURL_CSELECT_IN, "read") != 0) {
          result = TEST_ERR_MAJOR_BAD;
          goto_test_cleanup();
        }
        if (t530_checkFdSet(multi, sockets.write, writeSet, CURL_CSELECT_OUT, "write") != 0) {
          result = TEST_ERR_MAJOR_BAD;
          goto_test_cleanup();
        }

        if (timeout.set && t530_getMicroSecondTimeout(timeout) == 0) {
          // libcurl's timer ran out
          if (socket_action(multi, CURL_SOCKET_TIMEOUT, 0, "timeout") != 0) {
            result = TEST_ERR_BAD_TIMEOUT;
            goto_test_cleanup();
          }
        }

        abort_on_test_timeout();
      }

      if (!success[0]) {
        t530_msg("Error getting file.");
        result = TEST_ERR_MAJOR_BAD;
      }
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    // the proper order
    t530_msg("cleanup");
    if (multi != null && curl != null) {
      curl_multi_remove_handle(multi, curl);
    }
    curl_easy_cleanup(curl);
    curl_multi_cleanup(multi);
    curl_global_cleanup();

    t530_msg("done");

    return result;
  }

  @Override
  protected int test(String URL) {
    int res;
    // the same transfer, failing in a different callback call each time
    res = testone(URL, 0, 0); // nothing fails
    if (res != 0) {
      stderr.printf("%s FAILED: %d\n", t530_tag(), res);
    }

    res = testone(URL, 1, 0); // the 1st timer callback fails
    if (res == 0) {
      stderr.printf("%s FAILED: %d\n", t530_tag(), res);
    }

    res = testone(URL, 2, 0); // the 2nd timer callback fails
    if (res == 0) {
      stderr.printf("%s FAILED: %d\n", t530_tag(), res);
    }

    res = testone(URL, 0, 2); // the 2nd socket callback fails
    if (res == 0) {
      stderr.printf("%s FAILED: %d\n", t530_tag(), res);
    }

    res = testone(URL, 0, 3); // the 3rd socket callback fails
    if (res == 0) {
      stderr.printf("%s FAILED: %d\n", t530_tag(), res);
    }

    return CURLE_OK;
  }
}
