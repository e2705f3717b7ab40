package examples.multi;

import static io.curlew.raw.Epoll.EPOLLERR;
import static io.curlew.raw.Epoll.EPOLLHUP;
import static io.curlew.raw.Epoll.EPOLLIN;
import static io.curlew.raw.Epoll.EPOLLOUT;
import static io.curlew.raw.Epoll.EPOLL_CTL_ADD;
import static io.curlew.raw.Epoll.EPOLL_CTL_DEL;
import static io.curlew.raw.Epoll.EPOLL_CTL_MOD;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiException;
import io.curlew.CurlMultiOption;
import io.curlew.callback.SocketCallback;
import io.curlew.raw.Epoll;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The multi_socket interface, driven by an epoll loop: the idiomatic form of curl's
 * ephiperfifo.c (ported line by line in {@code examples/raw/Ephiper.java}). This is how
 * event-driven programs scale to thousands of transfers: libcurl tells the application which
 * sockets to watch (the socket callback) and when to call back anyway (the timer callback);
 * the application waits on all of them at once and calls {@code socketAction()} for the one
 * that is ready. curlew's {@code CurlClient} does the same in C; this is the Java version.
 *
 * <p>Usage: {@code MultiSocket [URL...]}; without URLs it fetches five paths of a local
 * {@link ExampleServer}, one of them a 404 and one a redirect.
 */
public final class MultiSocket {

  /** What the loop keeps per socket, handed back by libcurl via {@code assign()}. */
  static final class Watch {
    int events;
  }

  private MultiSocket() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? List.of(args) : List.of(local.url("/"), local.url("/hello"),
          local.url("/redirect"), local.url("/bytes?size=500000"), local.url("/missing")));
    }
    System.exit(rc);
  }

  static int run(List<String> urls) throws CurlException, CurlMultiException {
    int epfd = Epoll.epoll_create(); // every socket libcurl wants watched, and the timer
    int tfd = Epoll.timerfd_create(); // libcurl's timeout
    check(epfd, "epoll_create");
    check(tfd, "timerfd_create");
    check(Epoll.epoll_ctl(epfd, EPOLL_CTL_ADD, tfd, EPOLLIN), "epoll_ctl timer");
    List<CurlEasy> handles = new ArrayList<>();
    int failed = 0;
    try (CurlMulti multi = new CurlMulti()) {
      // "watch this socket for these events" or "forget it"
      multi.setOption(CurlMultiOption.SOCKETFUNCTION, (easy, fd, what, data) -> {
        Watch w = (Watch) data; // what we gave assign() for this socket, null the first time
        if (what == SocketCallback.POLL_REMOVE) {
          // libcurl may have closed it already (then epoll dropped it itself)
          Epoll.epoll_ctl(epfd, EPOLL_CTL_DEL, fd, 0);
          return;
        }
        int events = ((what & SocketCallback.POLL_IN) != 0 ? EPOLLIN : 0)
            | ((what & SocketCallback.POLL_OUT) != 0 ? EPOLLOUT : 0);
        if (w == null) {
          w = new Watch();
          check(Epoll.epoll_ctl(epfd, EPOLL_CTL_ADD, fd, events), "epoll_ctl add");
          multi.assign(fd, w);
        } else if (w.events != events) {
          check(Epoll.epoll_ctl(epfd, EPOLL_CTL_MOD, fd, events), "epoll_ctl mod");
        }
        w.events = events;
      });
      // "call socketAction(SOCKET_TIMEOUT) in this many ms"; -1: no timer; 0: at once (a
      // timerfd cannot be armed with 0, which would disarm it: 1 ms is the nearest)
      multi.setOption(CurlMultiOption.TIMERFUNCTION,
          ms -> check(Epoll.timerfd_settime(tfd, ms < 0 ? 0 : Math.max(1, ms)), "timer"));

      for (String url : urls) {
        CurlEasy easy = new CurlEasy().url(url).followRedirects(true);
        handles.add(easy);
        multi.add(easy); // libcurl sets the timer: the first socketAction starts it
      }

      int[] ready = new int[2 * 16]; // (fd, events) pairs
      int left = handles.size();
      while (left > 0) {
        int n = Epoll.epoll_wait(epfd, ready, 16, 30_000);
        check(n, "epoll_wait");
        if (n == 0) {
          System.err.println("nothing happened for 30 s, giving up");
          return 1;
        }
        for (int i = 0; i < n; i++) {
          int fd = ready[2 * i];
          int ev = ready[2 * i + 1];
          if (fd == tfd) {
            Epoll.timerfd_read(tfd);
            multi.socketAction(CurlMulti.SOCKET_TIMEOUT, 0);
          } else {
            int mask = ((ev & EPOLLIN) != 0 ? CurlMulti.CSELECT_IN : 0)
                | ((ev & EPOLLOUT) != 0 ? CurlMulti.CSELECT_OUT : 0)
                | ((ev & (EPOLLERR | EPOLLHUP)) != 0 ? CurlMulti.CSELECT_ERR : 0);
            multi.socketAction(fd, mask);
          }
        }
        for (CurlMulti.Done d; (d = multi.infoRead().orElse(null)) != null; ) {
          left--;
          CurlEasy easy = d.easy();
          if (!d.ok()) {
            failed++;
          }
          System.out.printf("finished: %s -> %s, HTTP %d, %d bytes%n",
              urls.get(handles.indexOf(easy)), d.code(), easy.responseCode(), easy.bodySize());
          multi.remove(easy);
        }
      }
    } finally {
      handles.forEach(CurlEasy::close);
      Epoll.closefd(tfd);
      Epoll.closefd(epfd);
    }
    System.out.println(handles.size() + " transfers done, " + failed + " failed");
    return failed == 0 ? 0 : 1;
  }

  private static int check(int rc, String what) {
    if (rc < 0) {
      throw new IllegalStateException(what + " failed: errno " + -rc);
    }
    return rc;
  }
}
