package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/**
 * Linux epoll and timerfd, for Java ports of C programs that drive
 * {@code curl_multi_socket_action} from an epoll loop (such as curl's ephiperfifo.c). A
 * curlew addition, not part of libcurl. Errors come back as negative errno values, as the
 * C calls would set errno.
 */
public final class Epoll {

  /** {@code EPOLLIN}. */
  public static final int EPOLLIN = 0x001;
  /** {@code EPOLLOUT}. */
  public static final int EPOLLOUT = 0x004;
  /** {@code EPOLLERR}. */
  public static final int EPOLLERR = 0x008;
  /** {@code EPOLLHUP}. */
  public static final int EPOLLHUP = 0x010;
  /** {@code EPOLL_CTL_ADD}. */
  public static final int EPOLL_CTL_ADD = 1;
  /** {@code EPOLL_CTL_DEL}. */
  public static final int EPOLL_CTL_DEL = 2;
  /** {@code EPOLL_CTL_MOD}. */
  public static final int EPOLL_CTL_MOD = 3;

  private Epoll() {
  }

  /** @return {@code epoll_create1(EPOLL_CLOEXEC)}: a descriptor, or -errno */
  public static int epoll_create() {
    return CurlewNative.curlew_epoll_create();
  }

  /**
   * {@code epoll_ctl}.
   *
   * @param epfd the epoll descriptor
   * @param op EPOLL_CTL_ADD, _MOD or _DEL
   * @param fd the descriptor to watch
   * @param events EPOLLIN, EPOLLOUT, ... bits
   * @return 0, or -errno
   */
  public static int epoll_ctl(int epfd, int op, int fd, int events) {
    return CurlewNative.curlew_epoll_ctl(epfd, op, fd, events);
  }

  /**
   * {@code epoll_wait}.
   *
   * @param epfd the epoll descriptor
   * @param pairs receives (fd, events) pairs: room for maxEvents of them
   * @param maxEvents at most this many (1 to 64)
   * @param timeoutMs the longest wait; -1 without limit
   * @return the number of pairs written (0 on timeout or EINTR), or -errno
   */
  public static int epoll_wait(int epfd, int[] pairs, int maxEvents, int timeoutMs) {
    if (maxEvents < 1 || maxEvents > 64 || pairs.length < 2 * maxEvents) {
      throw new IllegalArgumentException("room for " + maxEvents + " events (1 to 64) needed");
    }
    return CurlewNative.curlew_epoll_wait(epfd, pairs, maxEvents, timeoutMs);
  }

  /** @return {@code timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK)}: a descriptor, or -errno */
  public static int timerfd_create() {
    return CurlewNative.curlew_timerfd_create();
  }

  /**
   * Arms a one-shot timer ({@code timerfd_settime}); 0 disarms it. For libcurl's "time out
   * at once" (a timer callback with 0 ms) pass 1: C programs arm 1 ns for that, the finest
   * step here is a millisecond.
   *
   * @param fd the timer
   * @param ms milliseconds from now
   * @return 0, or -errno
   */
  public static int timerfd_settime(int fd, long ms) {
    return CurlewNative.curlew_timerfd_set(fd, ms);
  }

  /**
   * Reads a timer's expiry count. Unlike the other methods here it does not return -errno:
   * every failure, including EAGAIN for a timer that has not fired (or was read already),
   * is -1.
   *
   * @param fd a timer that fired
   * @return its expiry count, or -1
   */
  public static long timerfd_read(int fd) {
    return CurlewNative.curlew_timerfd_read(fd);
  }

  /**
   * @param fd a descriptor from this class
   * @return 0, or -errno
   */
  public static int closefd(int fd) {
    return CurlewNative.curlew_fd_close(fd);
  }
}
