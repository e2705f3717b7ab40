package examples.raw;

import static io.curlew.raw.Epoll.EPOLLIN;
import static io.curlew.raw.Epoll.EPOLLOUT;
import static io.curlew.raw.Epoll.EPOLL_CTL_ADD;
import static io.curlew.raw.Epoll.EPOLL_CTL_DEL;
import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.Epoll;
import io.curlew.raw.curl_multi_timer_callback;
import io.curlew.raw.curl_progress_callback;
import io.curlew.raw.curl_socket_callback;
import io.curlew.raw.curl_write_callback;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Port of curl's docs/examples/ephiperfifo.c: many transfers on one multi handle, driven by
 * an epoll loop with {@code curl_multi_socket_action}. libcurl says which sockets to watch
 * through the socket callback (kept in the epoll set, with a per-socket object given to
 * {@code curl_multi_assign}) and when to time out through the timer callback (a timerfd in
 * the same epoll set). Every step is reported on standard output.
 *
 * <p>The C program reads URLs from a named pipe until it gets SIGINT; this port takes the
 * URLs from its command line, adds them all before the loop, and leaves the loop when the
 * last of them is done. Usage: {@code Ephiper [URL...]}; without URLs it fetches four paths
 * of a local {@link ExampleServer} ({@code /}, {@code /hello}, {@code /redirect} and a 404).
 */
public final class Ephiper {

  static final PrintStream MSG_OUT = System.out; // as in C, the report goes to stdout

  /** What every callback needs. */
  static final class GlobalInfo {
    int epfd; // the epoll set
    int tfd; // the timerfd that stands for libcurl's timeout
    CURLM multi;
    final int[] still_running = new int[1];
    int pending; // transfers added and not reported done yet (the loop ends at 0)
  }

  /** One transfer. */
  static final class ConnInfo {
    CURL curl;
    String url;
    GlobalInfo global;
    final byte[] error = new byte[CURL_ERROR_SIZE];
  }

  /** One socket libcurl asked us to watch. */
  static final class SockInfo {
    int sockfd;
    CURL curl;
    int action;
    long timeout;
    GlobalInfo global;
  }

  private Ephiper() {
  }

  /** Reports a failed multi call and stops the program, except for CURLM_BAD_SOCKET. */
  static void mcode_or_die(String where, int code) {
    if (CURLM_OK != code) {
      String s;
      switch (code) {
        case CURLM_BAD_HANDLE:
          s = "CURLM_BAD_HANDLE";
          break;
        case CURLM_BAD_EASY_HANDLE:
          s = "CURLM_BAD_EASY_HANDLE";
          break;
        case CURLM_OUT_OF_MEMORY:
          s = "CURLM_OUT_OF_MEMORY";
          break;
        case CURLM_INTERNAL_ERROR:
          s = "CURLM_INTERNAL_ERROR";
          break;
        case CURLM_UNKNOWN_OPTION:
          s = "CURLM_UNKNOWN_OPTION";
          break;
        case CURLM_LAST:
          s = "CURLM_LAST";
          break;
        default:
          s = "CURLM_unknown";
          break;
        case CURLM_BAD_SOCKET:
          s = "CURLM_BAD_SOCKET";
          MSG_OUT.printf("FAILED: %s gave %s\n", where, s);
          // a socket libcurl already forgot: harmless here
          return;
      }
      MSG_OUT.printf("FAILED: %s gave %s\n", where, s);
      System.exit(code);
    }
  }

  /** Reports and frees every transfer libcurl has finished. */
  static void check_multi_info(GlobalInfo g) {
    String[] eff_url = new String[1];
    CURLMsg msg;
    int[] msgs_left = new int[1];
    Object[] conn = new Object[1];

    MSG_OUT.printf("still running: %d\n", g.still_running[0]);
    while ((msg = curl_multi_info_read(g.multi, msgs_left)) != null) {
      if (msg.msg == CURLMSG_DONE) {
        CURL curl = msg.easy_handle;
        int result = msg.data.result;
        curl_easy_getinfo(curl, CURLINFO_PRIVATE, conn);
        curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, eff_url);
        MSG_OUT.printf("finished: %s => (%d) %s\n", eff_url[0], result,
            cString(((ConnInfo) conn[0]).error));
        curl_multi_remove_handle(g.multi, curl);
        curl_easy_cleanup(curl);
        g.pending--;
      }
    }
  }

  /** The timerfd fired: libcurl's timeout has come. */
  static void timer_cb(GlobalInfo g, int revents) {
    int mresult;

    long count = Epoll.timerfd_read(g.tfd);
    if (count == -1) {
      // several events in one epoll_wait batch: the first read emptied the timer (EAGAIN)
      MSG_OUT.printf("timer %d already read (EAGAIN)\n", g.tfd);
      return;
    }

    mresult = curl_multi_socket_action(g.multi, CURL_SOCKET_TIMEOUT, 0, g.still_running);
    mcode_or_die("timer_cb: curl_multi_socket_action", mresult);
    check_multi_info(g);
  }

  /** CURLMOPT_TIMERFUNCTION: libcurl wants to be called after timeout_ms. */
  static int multi_timer_cb(CURLM multi, long timeout_ms, Object userp) {
    GlobalInfo g = (GlobalInfo) userp;
    long ms;

    MSG_OUT.printf("multi_timer_cb: timeout is now %d ms\n", timeout_ms);

    if (timeout_ms > 0) {
      ms = timeout_ms;
    } else if (timeout_ms == 0) {
      // "at once": C arms the timer for 1 ns, as zero would disarm it; the helper counts
      // in milliseconds, so 1 ms is the soonest
      ms = 1;
    } else {
      ms = 0; // -1: no timeout, disarm
    }

    Epoll.timerfd_settime(g.tfd, ms);
    return 0;
  }

  /** A socket libcurl watches is ready. */
  static void event_cb(GlobalInfo g, int fd, int revents) {
    int mresult;

    int action = ((revents & EPOLLIN) != 0 ? CURL_CSELECT_IN : 0)
        | ((revents & EPOLLOUT) != 0 ? CURL_CSELECT_OUT : 0);

    mresult = curl_multi_socket_action(g.multi, fd, action, g.still_running);
    mcode_or_die("event_cb: curl_multi_socket_action", mresult);

    check_multi_info(g);
    if (g.still_running[0] <= 0) {
      MSG_OUT.printf("nothing runs any more, timer disarmed\n");
      Epoll.timerfd_settime(g.tfd, 0);
    }
  }

  /** Stops watching a socket. */
  static void remsock(SockInfo f, GlobalInfo g) {
    if (f != null) {
      if (f.sockfd != 0) {
        int rc = Epoll.epoll_ctl(g.epfd, EPOLL_CTL_DEL, f.sockfd, 0);
        if (rc != 0) {
          System.err.printf("epoll_ctl DEL of fd %d: errno %d\n", f.sockfd, -rc);
        }
      }
    }
  }

  /** (Re)registers a socket with the events libcurl asked for. */
  static void setsock(SockInfo f, int s, CURL e, int act, GlobalInfo g) {
    int kind = ((act & CURL_POLL_IN) != 0 ? EPOLLIN : 0)
        | ((act & CURL_POLL_OUT) != 0 ? EPOLLOUT : 0);

    if (f.sockfd != 0) {
      int rc = Epoll.epoll_ctl(g.epfd, EPOLL_CTL_DEL, f.sockfd, 0);
      if (rc != 0) {
        System.err.printf("epoll_ctl DEL of fd %d: errno %d\n", f.sockfd, -rc);
      }
    }

    f.sockfd = s;
    f.action = act;
    f.curl = e;

    int rc = Epoll.epoll_ctl(g.epfd, EPOLL_CTL_ADD, s, kind);
    if (rc != 0) {
      System.err.printf("epoll_ctl ADD of fd %d: errno %d\n", s, -rc);
    }
  }

  /** A socket seen for the first time. */
  static void addsock(int s, CURL curl, int action, GlobalInfo g) {
    SockInfo fdp = new SockInfo();

    fdp.global = g;
    setsock(fdp, s, curl, action, g);
    curl_multi_assign(g.multi, s, fdp);
  }

  /** CURLMOPT_SOCKETFUNCTION. */
  static int sock_cb(CURL e, int s, int what, Object cbp, Object sockp) {
    GlobalInfo g = (GlobalInfo) cbp;
    SockInfo fdp = (SockInfo) sockp;
    String[] whatstr = {"none", "IN", "OUT", "INOUT", "REMOVE"};

    MSG_OUT.printf("socket callback: s=%d e=%s what=%s ", s, e, whatstr[what]);
    if (what == CURL_POLL_REMOVE) {
      MSG_OUT.printf("\n");
      remsock(fdp, g);
    } else {
      if (fdp == null) {
        MSG_OUT.printf("new socket: %s\n", whatstr[what]);
        addsock(s, e, what, g);
      } else {
        MSG_OUT.printf("watching changes from %s to %s\n", whatstr[fdp.action], whatstr[what]);
        setsock(fdp, s, e, what, g);
      }
    }
    return 0;
  }

  /** CURLOPT_WRITEFUNCTION: the bodies are not kept. */
  static long write_cb(CurlBuffer ptr, long size, long nmemb, Object data) {
    return size * nmemb;
  }

  /** CURLOPT_PROGRESSFUNCTION. */
  static int prog_cb(Object p, double dltotal, double dlnow, double ult, double uln) {
    ConnInfo conn = (ConnInfo) p;

    MSG_OUT.printf("progress of %s (%s/%s)\n", conn.url, g(dlnow), g(dltotal));
    return 0;
  }

  /** Makes a transfer for a URL and adds it to the multi handle. */
  @SuppressWarnings("deprecation") // CURLOPT_PROGRESSFUNCTION, as in the C program
  static void new_conn(String url, GlobalInfo g) {
    ConnInfo conn;
    int mresult;

    conn = new ConnInfo();

    conn.curl = curl_easy_init();
    if (conn.curl == null) {
      MSG_OUT.printf("no easy handle, giving up\n");
      System.exit(2);
    }
    conn.global = g;
    conn.url = url;
    curl_easy_setopt(conn.curl, CURLOPT_URL, conn.url);
    curl_easy_setopt(conn.curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Ephiper::write_cb);
    curl_easy_setopt(conn.curl, CURLOPT_WRITEDATA, conn);
    curl_easy_setopt(conn.curl, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(conn.curl, CURLOPT_ERRORBUFFER, conn.error);
    curl_easy_setopt(conn.curl, CURLOPT_PRIVATE, conn);
    curl_easy_setopt(conn.curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(conn.curl, CURLOPT_PROGRESSFUNCTION,
        (curl_progress_callback) Ephiper::prog_cb);
    curl_easy_setopt(conn.curl, CURLOPT_PROGRESSDATA, conn);
    curl_easy_setopt(conn.curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(conn.curl, CURLOPT_LOW_SPEED_TIME, 3L);
    curl_easy_setopt(conn.curl, CURLOPT_LOW_SPEED_LIMIT, 10L);

    MSG_OUT.printf("adding easy %s to multi %s (%s)\n", conn.curl, g.multi, url);
    mresult = curl_multi_add_handle(g.multi, conn.curl);
    mcode_or_die("new_conn: curl_multi_add_handle", mresult);
    g.pending++;

    // adding a handle makes libcurl ask for a timeout of 0, which starts the transfer
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      String[] urls = local == null ? args : new String[] {local.url("/"), local.url("/hello"),
          local.url("/redirect"), local.url("/no-such-page")};
      rc = run(urls);
    }
    System.exit(rc);
  }

  static int run(String[] urls) {
    int result;
    GlobalInfo g = new GlobalInfo();
    int[] events = new int[2 * 10]; // (fd, events) pairs

    result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    g.epfd = Epoll.epoll_create();
    if (g.epfd < 0) {
      System.err.printf("epoll_create: errno %d\n", -g.epfd);
      curl_global_cleanup();
      return 1;
    }

    g.tfd = Epoll.timerfd_create();
    if (g.tfd < 0) {
      System.err.printf("timerfd_create: errno %d\n", -g.tfd);
      curl_global_cleanup();
      return 1;
    }

    Epoll.timerfd_settime(g.tfd, 1000);

    Epoll.epoll_ctl(g.epfd, EPOLL_CTL_ADD, g.tfd, EPOLLIN);

    g.multi = curl_multi_init();

    curl_multi_setopt(g.multi, CURLMOPT_SOCKETFUNCTION, (curl_socket_callback) Ephiper::sock_cb);
    curl_multi_setopt(g.multi, CURLMOPT_SOCKETDATA, g);
    curl_multi_setopt(g.multi, CURLMOPT_TIMERFUNCTION,
        (curl_multi_timer_callback) Ephiper::multi_timer_cb);
    curl_multi_setopt(g.multi, CURLMOPT_TIMERDATA, g);

    MSG_OUT.printf("entering the epoll loop\n");
    MSG_OUT.flush();

    // C adds transfers from the FIFO's callback inside the loop; here they are all known
    for (String url : urls) {
      new_conn(url, g);
    }

    while (g.pending > 0) {
      int idx;
      int err = Epoll.epoll_wait(g.epfd, events, 10, 10000);
      if (err < 0) {
        System.err.printf("epoll_wait: errno %d\n", -err);
        curl_global_cleanup();
        return 1;
      }

      for (idx = 0; idx < err; ++idx) {
        int fd = events[2 * idx];
        int revents = events[2 * idx + 1];
        if (fd == g.tfd) {
          timer_cb(g, revents);
        } else {
          event_cb(g, fd, revents);
        }
      }
    }

    MSG_OUT.printf("all transfers done, leaving\n");
    MSG_OUT.flush();

    curl_multi_cleanup(g.multi);
    curl_global_cleanup();
    return 0;
  }

  /** The text of a NUL-terminated C buffer. */
  static String cString(byte[] buf) {
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** C's {@code %g}: six significant digits, no trailing zeros. */
  static String g(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6));
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= 6) {
      BigDecimal mant = d.movePointLeft(exp).stripTrailingZeros();
      return mant.toPlainString() + (exp < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exp));
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
