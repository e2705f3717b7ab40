package io.curlew.more;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiOption;
import io.curlew.callback.SocketCallback;
import io.curlew.raw.Epoll;
import io.curlew.raw.LibCurl;
import io.curlew.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CurlMulti: perform/poll, the multi_socket interface from a Java epoll loop, and more. */
@Timeout(60)
class MultiTest {

  private final TestServer server = TestServer.get();

  private List<CurlEasy> handles(CurlMulti m, int n, String path) throws Exception {
    List<CurlEasy> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CurlEasy e = new CurlEasy().url(server.url(path.replace("{i}", String.valueOf(i))));
      m.add(e);
      list.add(e);
    }
    return list;
  }

  @Test
  void socketActionDrivenByAnEpollLoop() throws Exception {
    int epfd = Epoll.epoll_create();
    assertTrue(epfd >= 0);
    Map<Integer, Integer> watched = new HashMap<>();
    Set<Object> assignedSeen = new HashSet<>();
    long[] timeout = {-1};
    int n = 20;
    try (CurlMulti m = new CurlMulti()) {
      m.setOption(CurlMultiOption.SOCKETFUNCTION, (easy, fd, what, data) -> {
        if (data != null) {
          assignedSeen.add(data);
        }
        if (what == SocketCallback.POLL_REMOVE) {
          Epoll.epoll_ctl(epfd, Epoll.EPOLL_CTL_DEL, fd, 0);
          watched.remove(fd);
          return;
        }
        int ev = ((what & SocketCallback.POLL_IN) != 0 ? Epoll.EPOLLIN : 0)
            | ((what & SocketCallback.POLL_OUT) != 0 ? Epoll.EPOLLOUT : 0);
        int op = watched.containsKey(fd) ? Epoll.EPOLL_CTL_MOD : Epoll.EPOLL_CTL_ADD;
        assertEquals(0, Epoll.epoll_ctl(epfd, op, fd, ev));
        if (op == Epoll.EPOLL_CTL_ADD) {
          m.assign(fd, "socket-" + fd);
        }
        watched.put(fd, ev);
      });
      m.setOption(CurlMultiOption.TIMERFUNCTION, ms -> timeout[0] = ms);
      List<CurlEasy> list = handles(m, n, "/delay?ms=50&body=r{i}");
      int running = m.socketAction(CurlMulti.SOCKET_TIMEOUT, 0);
      int[] pairs = new int[128];
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (running > 0 && System.nanoTime() < deadline) {
        int wait = timeout[0] < 0 ? 1000 : (int) Math.min(timeout[0], 1000);
        int k = Epoll.epoll_wait(epfd, pairs, 64, wait);
        if (k == 0) {
          running = m.socketAction(CurlMulti.SOCKET_TIMEOUT, 0);
        }
        for (int i = 0; i < k; i++) {
          int ev = pairs[2 * i + 1];
          int mask = ((ev & Epoll.EPOLLIN) != 0 ? CurlMulti.CSELECT_IN : 0)
              | ((ev & Epoll.EPOLLOUT) != 0 ? CurlMulti.CSELECT_OUT : 0)
              | ((ev & (Epoll.EPOLLERR | Epoll.EPOLLHUP)) != 0 ? CurlMulti.CSELECT_ERR : 0);
          running = m.socketAction(pairs[2 * i], mask);
        }
      }
      assertEquals(0, running);
      int done = 0;
      for (CurlMulti.Done d; (d = m.infoRead().orElse(null)) != null; done++) {
        assertTrue(d.ok(), d.toString());
      }
      assertEquals(n, done);
      for (int i = 0; i < n; i++) {
        assertEquals("r" + i, list.get(i).bodyAsString());
      }
      assertFalse(assignedSeen.isEmpty(), "assigned objects come back to the socket callback");
      assertEquals(n, m.transfers(CurlMulti.Counter.ADDED));
      assertEquals(n, m.handles().size());
      for (CurlEasy e : list) {
        m.remove(e);
        e.close();
      }
      assertEquals(0, m.transfers(CurlMulti.Counter.CURRENT));
    } finally {
      Epoll.closefd(epfd);
    }
  }

  @Test
  void closingWithTransfersRunningCallsTheSocketCallbackLateAndSafely() throws Exception {
    List<Integer> removals = new ArrayList<>();
    List<CurlEasy> list;
    try (CurlMulti m = new CurlMulti()) {
      m.setOption(CurlMultiOption.SOCKETFUNCTION, (easy, fd, what, data) -> {
        if (what == SocketCallback.POLL_REMOVE) {
          removals.add(fd);
        }
      });
      list = handles(m, 5, "/delay?ms=5000");
      for (int i = 0; i < 20 && m.transfers(CurlMulti.Counter.RUNNING) > 0; i++) {
        m.perform();
        m.poll(Duration.ofMillis(20));
      }
    } // close: removes the transfers; libcurl reports their sockets going away
    assertFalse(removals.isEmpty());
    for (CurlEasy e : list) {
      assertFalse(e.isClosed(), "the easy handles stay open, detached");
      e.url(server.url("/hello")).perform();
      assertEquals("hello", e.bodyAsString());
      e.close();
    }
  }

  @Test
  void wakeupFromAnotherThreadEndsAPoll() throws Exception {
    try (CurlMulti m = new CurlMulti()) {
      CountDownLatch polling = new CountDownLatch(1);
      Thread waker = new Thread(() -> {
        try {
          polling.await();
          m.wakeup();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      waker.start();
      long t0 = System.nanoTime();
      polling.countDown();
      m.poll(Duration.ofSeconds(30));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(ms < 10_000, "poll returned after " + ms + " ms, not at the wakeup");
      waker.join();
    }
  }

  @Test
  void notificationsAndWait() throws Exception {
    AtomicInteger done = new AtomicInteger();
    try (CurlMulti m = new CurlMulti()) {
      m.setOption(CurlMultiOption.NOTIFYFUNCTION, (what, easy) -> {
        if (what == LibCurl.CURLMNOTIFY_EASY_DONE) {
          assertNotNull(easy);
          done.incrementAndGet();
        }
      });
      m.notifyEnable(LibCurl.CURLMNOTIFY_EASY_DONE);
      List<CurlEasy> list = handles(m, 3, "/hello");
      while (m.perform() > 0) {
        m.await(Duration.ofSeconds(1));
      }
      assertEquals(3, done.get());
      for (CurlEasy e : list) {
        m.remove(e);
        e.close();
      }
    }
  }

  @Test
  void multiOptionsAreTyped() throws Exception {
    try (CurlMulti m = new CurlMulti()) {
      m.setOption(CurlMultiOption.MAX_HOST_CONNECTIONS, 1L)
          .setOption(CurlMultiOption.MAX_TOTAL_CONNECTIONS, 4L)
          .setOption(CurlMultiOption.MAXCONNECTS, 8L)
          .setOption(CurlMultiOption.PIPELINING, LibCurl.CURLPIPE_MULTIPLEX)
          .setOption(CurlMultiOption.MAX_CONCURRENT_STREAMS, 50L);
      // one connection per host: the transfers queue behind one another
      List<CurlEasy> list = handles(m, 4, "/port");
      while (m.perform() > 0) {
        m.poll(Duration.ofSeconds(1));
      }
      Set<String> ports = new HashSet<>();
      for (CurlEasy e : list) {
        ports.add(e.bodyAsString());
        m.remove(e);
        e.close();
      }
      assertEquals(1, ports.size(), "MAX_HOST_CONNECTIONS 1 means one connection: " + ports);
      assertThrows(UnsupportedOperationException.class,
          () -> m.setOption(CurlMultiOption.SOCKETDATA, "x"));
    }
  }
}
