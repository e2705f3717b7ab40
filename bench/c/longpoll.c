/***************************************************************************
 * A tiny long-poll server for workload W4: it holds every HTTP/1.1 request
 * for a while before answering, so a client keeps K transfers open and idle
 * at once. GET /poll/<ms> is answered <ms> milliseconds after the request
 * arrived (default: --hold), with "ok" and Connection: close (the server
 * closes first, so TIME_WAIT stays on the server side and back-to-back runs
 * do not run out of client ports).
 *
 *   longpoll --port P [--hold MS]
 *
 * One thread, epoll, loopback only. Requests arrive in order and share one
 * hold time per path, so a FIFO per hold value is the timer queue.
 ***************************************************************************/
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXFD 65536

struct conn {
  int64_t due;     /* ms when to answer; 0 while reading */
  int next;        /* next fd in the timer queue, -1 at the end */
  unsigned short len;
  char buf[510];
};

static struct conn *conns;
static int qhead = -1, qtail = -1;
static long hold_default = 2000;

static int64_t now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void drop(int epfd, int fd)
{
  epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
  close(fd);
  conns[fd].len = 0;
  conns[fd].due = 0;
}

/* insert keeping the queue sorted by due time (appends in the common case) */
static void enqueue(int fd)
{
  int prev = -1, cur = qhead;
  if(qtail >= 0 && conns[qtail].due <= conns[fd].due) {
    conns[fd].next = -1;
    conns[qtail].next = fd;
    qtail = fd;
    return;
  }
  while(cur >= 0 && conns[cur].due <= conns[fd].due) {
    prev = cur;
    cur = conns[cur].next;
  }
  conns[fd].next = cur;
  if(prev < 0)
    qhead = fd;
  else
    conns[prev].next = fd;
  if(cur < 0)
    qtail = fd;
}

int main(int argc, char **argv)
{
  int port = 0, i, lfd, epfd, one = 1;
  struct sockaddr_in sa;
  struct epoll_event ev, evs[1024];
  static const char resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
    "Content-Length: 2\r\nConnection: close\r\n\r\nok";
  for(i = 1; i + 1 < argc; i += 2) {
    if(!strcmp(argv[i], "--port"))
      port = atoi(argv[i + 1]);
    else if(!strcmp(argv[i], "--hold"))
      hold_default = atol(argv[i + 1]);
  }
  if(!port) {
    fprintf(stderr, "usage: longpoll --port P [--hold MS]\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  conns = calloc(MAXFD, sizeof(*conns));
  lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  memset(&sa, 0, sizeof(sa));
  sa.sin_family = AF_INET;
  sa.sin_port = htons((unsigned short)port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if(bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 65535)) {
    perror("longpoll: bind/listen");
    return 1;
  }
  epfd = epoll_create1(EPOLL_CLOEXEC);
  ev.events = EPOLLIN;
  ev.data.fd = lfd;
  epoll_ctl(epfd, EPOLL_CTL_ADD, lfd, &ev);
  for(;;) {
    int n, wait = -1;
    int64_t t = now_ms();
    /* answer what is due */
    while(qhead >= 0 && conns[qhead].due <= t) {
      int fd = qhead;
      qhead = conns[fd].next;
      if(qhead < 0)
        qtail = -1;
      if(write(fd, resp, sizeof(resp) - 1) < 0) {
        /* the client went away */
      }
      shutdown(fd, SHUT_WR);
      drop(epfd, fd);
    }
    if(qhead >= 0)
      wait = (int)(conns[qhead].due - t);
    n = epoll_wait(epfd, evs, 1024, wait);
    for(i = 0; i < n; i++) {
      int fd = evs[i].data.fd;
      if(fd == lfd) {
        int c;
        while((c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
          if(c >= MAXFD) {
            close(c);
            continue;
          }
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
          conns[c].len = 0;
          conns[c].due = 0;
          ev.events = EPOLLIN | EPOLLRDHUP;
          ev.data.fd = c;
          epoll_ctl(epfd, EPOLL_CTL_ADD, c, &ev);
        }
        continue;
      }
      if(conns[fd].due) {
        /* held: only a hang-up matters; the queue entry answers and closes */
        char tmp[256];
        ssize_t r = read(fd, tmp, sizeof(tmp));
        if(r == 0 || (r < 0 && errno != EAGAIN)) {
          epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
          shutdown(fd, SHUT_RDWR);
        }
        continue;
      }
      for(;;) {
        struct conn *c = &conns[fd];
        ssize_t r = read(fd, c->buf + c->len, sizeof(c->buf) - 1 - c->len);
        if(r <= 0) {
          if(r == 0 || errno != EAGAIN)
            drop(epfd, fd);
          break;
        }
        c->len += (unsigned short)r;
        c->buf[c->len] = 0;
        if(strstr(c->buf, "\r\n\r\n")) {
          long hold = hold_default;
          char *p = strstr(c->buf, "/poll/");
          if(p)
            hold = atol(p + 6);
          c->due = now_ms() + (hold > 0 ? hold : 1);
          enqueue(fd);
          break;
        }
        if(c->len >= sizeof(c->buf) - 1) { /* headers too large for a poll */
          drop(epfd, fd);
          break;
        }
      }
    }
  }
}
