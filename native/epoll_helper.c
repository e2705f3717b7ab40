/***************************************************************************
 * epoll and timerfd for Java ports of C programs that drive
 * curl_multi_socket_action from an epoll loop (ephiperfifo.c and friends).
 * Events travel as (fd, events) int pairs.
 ***************************************************************************/
#include <errno.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include "curlew_int.h"

int curlew_epoll_create(void)
{
  return epoll_create1(EPOLL_CLOEXEC);
}

int curlew_epoll_ctl(int epfd, int op, int fd, int events)
{
  struct epoll_event ev;
  ev.events = (uint32_t)events;
  ev.data.fd = fd;
  return epoll_ctl(epfd, op, fd, op == EPOLL_CTL_DEL ? NULL : &ev) == 0 ? 0 : -errno;
}

int curlew_epoll_wait(int epfd, int *pairs, int max, int timeout_ms)
{
  struct epoll_event evs[64];
  int n, i;
  if(max > 64)
    max = 64;
  if(max <= 0 || !pairs)
    return -EINVAL;
  n = epoll_wait(epfd, evs, max, timeout_ms);
  if(n < 0)
    return errno == EINTR ? 0 : -errno;
  for(i = 0; i < n; i++) {
    pairs[2 * i] = evs[i].data.fd;
    pairs[2 * i + 1] = (int)evs[i].events;
  }
  return n;
}

int curlew_timerfd_create(void)
{
  return timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
}

/* arms a one-shot timer; ms 0 disarms, so callers use 1 for "at once" */
int curlew_timerfd_set(int fd, long ms)
{
  struct itimerspec its;
  its.it_interval.tv_sec = 0;
  its.it_interval.tv_nsec = 0;
  its.it_value.tv_sec = ms / 1000;
  its.it_value.tv_nsec = (ms % 1000) * 1000000;
  return timerfd_settime(fd, 0, &its, NULL) == 0 ? 0 : -errno;
}

/* reads a timerfd's expiry count (after it fired); -errno on error, -EIO
   for a short read */
int64_t curlew_timerfd_read(int fd)
{
  uint64_t v = 0;
  ssize_t n = read(fd, &v, sizeof(v));
  if(n < 0)
    return -errno;
  if(n != (ssize_t)sizeof(v))
    return -EIO;
  return (int64_t)v;
}

int curlew_fd_close(int fd)
{
  return close(fd) == 0 ? 0 : -errno;
}
