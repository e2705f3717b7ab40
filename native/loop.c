/***************************************************************************
 * The event loop behind io.curlew.async: epoll + curl_multi_socket_action,
 * with the socket and timer callbacks native. Java calls curlew_loop_run()
 * once per iteration and receives the transfers that finished in it as
 * (curlew_easy*, CURLcode) pairs; no upcall per socket event or timer.
 *
 * Everything here runs on the loop's own thread, except
 * curlew_loop_wakeup(), which only writes to an eventfd.
 ***************************************************************************/
#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include "curlew_int.h"

#define MAX_EVENTS 512

struct curlew_loop {
  curlew_multi *m;
  int epfd;
  int evfd;
  int64_t deadline_ms;   /* monotonic ms of the next timeout, -1 if none */
  int running;           /* transfers libcurl still runs */
  int backlog;           /* finished messages left in libcurl's queue */
  struct epoll_event events[MAX_EVENTS];
};

static int64_t now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* socketp is 1 once a socket is in the epoll set, so ADD and MOD need no
   extra syscall to tell apart */
static int loop_socket(CURL *easy, curl_socket_t s, int what, void *userp,
                       void *socketp)
{
  curlew_loop *l = userp;
  struct epoll_event ev;
  (void)easy;
  if(what == CURL_POLL_REMOVE) {
    epoll_ctl(l->epfd, EPOLL_CTL_DEL, s, NULL);
    return 0;
  }
  ev.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0) |
              ((what & CURL_POLL_OUT) ? EPOLLOUT : 0);
  ev.data.fd = s;
  if(socketp) {
    if(epoll_ctl(l->epfd, EPOLL_CTL_MOD, s, &ev) == 0)
      return 0;
    /* the fd was closed and reused behind our back: register it anew */
  }
  if(epoll_ctl(l->epfd, EPOLL_CTL_ADD, s, &ev) != 0 && errno == EEXIST)
    epoll_ctl(l->epfd, EPOLL_CTL_MOD, s, &ev);
  curl_multi_assign(l->m->multi, s, (void *)1);
  return 0;
}

static int loop_timer(CURLM *multi, long timeout_ms, void *userp)
{
  curlew_loop *l = userp;
  (void)multi;
  l->deadline_ms = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
  return 0;
}

curlew_loop *curlew_loop_new(void)
{
  curlew_loop *l = calloc(1, sizeof(*l));
  struct epoll_event ev;
  if(!l)
    return NULL;
  l->epfd = epoll_create1(EPOLL_CLOEXEC);
  l->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  l->m = curlew_multi_init();
  l->deadline_ms = -1;
  if(l->epfd < 0 || l->evfd < 0 || !l->m)
    goto fail;
  ev.events = EPOLLIN;
  ev.data.fd = l->evfd;
  if(epoll_ctl(l->epfd, EPOLL_CTL_ADD, l->evfd, &ev) != 0)
    goto fail;
  curl_multi_setopt(l->m->multi, CURLMOPT_SOCKETFUNCTION, loop_socket);
  curl_multi_setopt(l->m->multi, CURLMOPT_SOCKETDATA, (void *)l);
  curl_multi_setopt(l->m->multi, CURLMOPT_TIMERFUNCTION, loop_timer);
  curl_multi_setopt(l->m->multi, CURLMOPT_TIMERDATA, (void *)l);
  return l;
fail:
  curlew_loop_free(l);
  return NULL;
}

void curlew_loop_free(curlew_loop *l)
{
  if(!l)
    return;
  if(l->m)
    curlew_multi_cleanup(l->m); /* may still call loop_socket: l is alive */
  if(l->epfd >= 0)
    close(l->epfd);
  if(l->evfd >= 0)
    close(l->evfd);
  free(l);
}

curlew_multi *curlew_loop_multi(curlew_loop *l)
{
  return l ? l->m : NULL;
}

int curlew_loop_add(curlew_loop *l, curlew_easy *h)
{
  CURLMcode rc;
  if(!l || !h)
    return CURLM_BAD_HANDLE;
  curlew_easy_sinks_start(h);
  rc = curl_multi_add_handle(l->m->multi, h->curl);
  if(rc == CURLM_OK)
    h->loop = l;
  return (int)rc;
}

int curlew_loop_remove(curlew_loop *l, curlew_easy *h)
{
  CURLMcode rc;
  if(!l || !h)
    return CURLM_BAD_HANDLE;
  rc = curl_multi_remove_handle(l->m->multi, h->curl);
  h->loop = NULL;
  return (int)rc;
}

int curlew_loop_wakeup(curlew_loop *l)
{
  uint64_t one = 1;
  if(!l)
    return CURLM_BAD_HANDLE;
  /* EAGAIN means the counter is already non-zero: the loop wakes anyway */
  if(write(l->evfd, &one, sizeof(one)) < 0 && errno != EAGAIN)
    return CURLM_WAKEUP_FAILURE;
  return CURLM_OK;
}

int curlew_loop_running(curlew_loop *l)
{
  return l ? l->running : 0;
}

static int collect(curlew_loop *l, int64_t *done, int cap)
{
  int count = 0, queued = 0;
  CURLMsg *msg;
  while(count < cap && (msg = curl_multi_info_read(l->m->multi, &queued))) {
    curlew_easy *h;
    if(msg->msg != CURLMSG_DONE)
      continue;
    h = curlew_easy_of(msg->easy_handle);
    done[2 * count] = (int64_t)(intptr_t)h;
    done[2 * count + 1] = (int64_t)msg->data.result;
    curl_multi_remove_handle(l->m->multi, msg->easy_handle);
    if(h)
      h->loop = NULL;
    count++;
  }
  l->backlog = queued;
  return count;
}

int curlew_loop_run(curlew_loop *l, int max_wait_ms, int64_t *done, int cap)
{
  int n, i, wait = max_wait_ms;
  if(!l || !done || cap <= 0)
    return CURLEW_E_STATE;
  if(l->backlog)
    return collect(l, done, cap);
  if(l->deadline_ms >= 0) {
    int64_t left = l->deadline_ms - now_ms();
    if(left < 0)
      left = 0;
    if(wait < 0 || left < wait)
      wait = (int)left;
  }
  n = epoll_wait(l->epfd, l->events, MAX_EVENTS, wait);
  if(n < 0 && errno != EINTR)
    return CURLEW_E_STATE;
  for(i = 0; i < n; i++) {
    int fd = l->events[i].data.fd;
    uint32_t ev = l->events[i].events;
    int mask = 0;
    if(fd == l->evfd) {
      uint64_t v;
      if(read(l->evfd, &v, sizeof(v)) < 0) {
        /* EAGAIN: already drained */
      }
      continue;
    }
    if(ev & (EPOLLIN | EPOLLHUP | EPOLLERR))
      mask |= CURL_CSELECT_IN;
    if(ev & (EPOLLOUT | EPOLLERR))
      mask |= CURL_CSELECT_OUT;
    curl_multi_socket_action(l->m->multi, fd, mask, &l->running);
  }
  if(l->deadline_ms >= 0 && now_ms() >= l->deadline_ms) {
    l->deadline_ms = -1;
    curl_multi_socket_action(l->m->multi, CURL_SOCKET_TIMEOUT, 0,
                             &l->running);
  }
  return collect(l, done, cap);
}
