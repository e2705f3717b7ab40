/***************************************************************************
 * Multi handles: the context around a CURLM*, typed setopt, the socket,
 * timer, push and notify trampolines, and the rest of curl_multi_*.
 *
 * The trampolines may fire late: curl_multi_cleanup() reports sockets going
 * away, and libcurl's internal handles (connection shutdowns, DoH) have no
 * curlew context. The dispatcher's global ref is released only after
 * curl_multi_cleanup() has returned, and an unknown easy handle travels to
 * Java as 0.
 ***************************************************************************/
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include "curlew_int.h"

#define FAILED(env, m) \
  curlew_upcall_failed(env, (m)->dispatch, curlew_jni.multi_fail)

curlew_multi *curlew_multi_init(void)
{
  curlew_multi *m = calloc(1, sizeof(*m));
  if(!m)
    return NULL;
  m->multi = curl_multi_init();
  if(!m->multi) {
    free(m);
    return NULL;
  }
  return m;
}

int curlew_multi_cleanup(curlew_multi *m)
{
  CURLMcode rc;
  JNIEnv *env;
  if(!m)
    return CURLM_BAD_HANDLE;
  rc = curl_multi_cleanup(m->multi);
  curlew_slists_free(&m->slists);
  if(m->dispatch) {
    env = curlew_env();
    if(env) {
      (*env)->DeleteGlobalRef(env, m->dispatch);
      curlew_global_ref_deleted();
    }
  }
  free(m);
  return (int)rc;
}

int curlew_multi_add_handle(curlew_multi *m, curlew_easy *h)
{
  if(!m)
    return CURLM_BAD_HANDLE;
  if(!h)
    return CURLM_BAD_EASY_HANDLE;
  /* a new transfer: empty the body/header sinks and rewind the native upload,
     as curlew_easy_perform and curlew_loop_add do */
  curlew_easy_sinks_start(h);
  return (int)curl_multi_add_handle(m->multi, h->curl);
}

int curlew_multi_remove_handle(curlew_multi *m, curlew_easy *h)
{
  if(!m)
    return CURLM_BAD_HANDLE;
  if(!h)
    return CURLM_BAD_EASY_HANDLE;
  return (int)curl_multi_remove_handle(m->multi, h->curl);
}

int curlew_multi_perform(curlew_multi *m, int *running)
{
  int r = 0;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  rc = curl_multi_perform(m->multi, &r);
  if(running)
    *running = r;
  return (int)rc;
}

#define MAX_EXTRA 64

static int wait_or_poll(curlew_multi *m, int *extra, int nextra,
                        int timeout_ms, int *numfds, int poll)
{
  struct curl_waitfd fds[MAX_EXTRA];
  int i, n = 0;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  if(nextra < 0 || nextra > MAX_EXTRA || (nextra && !extra))
    return CURLEW_E_RANGE;
  for(i = 0; i < nextra; i++) {
    fds[i].fd = extra[2 * i];
    fds[i].events = (short)extra[2 * i + 1];
    fds[i].revents = 0;
  }
  rc = poll ? curl_multi_poll(m->multi, nextra ? fds : NULL,
                              (unsigned int)nextra, timeout_ms, &n)
            : curl_multi_wait(m->multi, nextra ? fds : NULL,
                              (unsigned int)nextra, timeout_ms, &n);
  for(i = 0; i < nextra; i++)
    extra[2 * i + 1] = fds[i].revents;
  if(numfds)
    *numfds = n;
  return (int)rc;
}

int curlew_multi_poll(curlew_multi *m, int *extra, int nextra,
                      int timeout_ms, int *numfds)
{
  return wait_or_poll(m, extra, nextra, timeout_ms, numfds, 1);
}

int curlew_multi_wait(curlew_multi *m, int *extra, int nextra,
                      int timeout_ms, int *numfds)
{
  return wait_or_poll(m, extra, nextra, timeout_ms, numfds, 0);
}

int curlew_multi_wakeup(curlew_multi *m)
{
  return m ? (int)curl_multi_wakeup(m->multi) : CURLM_BAD_HANDLE;
}

int curlew_multi_info_read(curlew_multi *m, int64_t *out)
{
  int queued = 0;
  CURLMsg *msg;
  if(!m || !out)
    return -1;
  msg = curl_multi_info_read(m->multi, &queued);
  if(!msg)
    return -1;
  out[0] = msg->msg;
  out[1] = (int64_t)(intptr_t)curlew_easy_of(msg->easy_handle);
  out[2] = msg->msg == CURLMSG_DONE ? (int64_t)msg->data.result : 0;
  return queued;
}

static int mopt_type_ok(int opt, int base)
{
  return opt / 10000 == base / 10000;
}

int curlew_multi_setopt_long(curlew_multi *m, int opt, long value)
{
  if(!m)
    return CURLM_BAD_HANDLE;
  if(!mopt_type_ok(opt, CURLOPTTYPE_LONG))
    return CURLEW_E_TYPE;
  return (int)curl_multi_setopt(m->multi, (CURLMoption)opt, value);
}

int curlew_multi_setopt_off(curlew_multi *m, int opt, int64_t value)
{
  if(!m)
    return CURLM_BAD_HANDLE;
  if(!mopt_type_ok(opt, CURLOPTTYPE_OFF_T))
    return CURLEW_E_TYPE;
  return (int)curl_multi_setopt(m->multi, (CURLMoption)opt,
                                (curl_off_t)value);
}

/* the multi options that take a char ** (NULL-terminated string array) */
int curlew_multi_setopt_slist(curlew_multi *m, int opt, const char *data,
                              int count)
{
  (void)data;
  (void)count;
  if(!m)
    return CURLM_BAD_HANDLE;
  /* PIPELINING_SITE_BL / PIPELINING_SERVER_BL are no-ops since 7.62.0 */
  if(opt != CURLMOPT_PIPELINING_SITE_BL && opt != CURLMOPT_PIPELINING_SERVER_BL)
    return CURLEW_E_TYPE;
  return (int)curl_multi_setopt(m->multi, (CURLMoption)opt, (char **)NULL);
}

static int tramp_socket(CURL *easy, curl_socket_t s, int what, void *userp,
                        void *socketp)
{
  curlew_multi *m = userp;
  JNIEnv *env = curlew_env();
  jint rc;
  if(!env || !m->dispatch)
    return -1;
  rc = (*env)->CallIntMethod(env, m->dispatch, curlew_jni.multi_socket,
                             (jlong)(intptr_t)curlew_easy_of(easy), (jint)s,
                             (jint)what, (jlong)(intptr_t)socketp);
  if(FAILED(env, m))
    return -1;
  return rc;
}

static int tramp_timer(CURLM *multi, long timeout_ms, void *userp)
{
  curlew_multi *m = userp;
  JNIEnv *env = curlew_env();
  jint rc;
  (void)multi;
  if(!env || !m->dispatch)
    return -1;
  rc = (*env)->CallIntMethod(env, m->dispatch, curlew_jni.multi_timer,
                             (jlong)timeout_ms);
  if(FAILED(env, m))
    return -1;
  return rc;
}

/* The pushed stream's CURL* is new to curlew: wrap it in a context before
   Java sees it. When Java denies the push, libcurl frees the CURL* itself,
   so only the context is freed here. */
static int tramp_push(CURL *parent, CURL *easy, size_t num_headers,
                      struct curl_pushheaders *headers, void *userp)
{
  curlew_multi *m = userp;
  JNIEnv *env = curlew_env();
  curlew_easy *child;
  jint rc;
  if(!env || !m->dispatch)
    return CURL_PUSH_DENY;
  child = curlew_easy_adopt(easy, curlew_easy_of(parent));
  if(!child)
    return CURL_PUSH_DENY;
  rc = (*env)->CallIntMethod(env, m->dispatch, curlew_jni.multi_push,
                             (jlong)(intptr_t)curlew_easy_of(parent),
                             (jlong)(intptr_t)child, (jlong)num_headers,
                             (jlong)(intptr_t)headers);
  if(FAILED(env, m))
    rc = CURL_PUSH_DENY;
  if(rc != CURL_PUSH_OK)
    curlew_easy_forget(child);
  return rc;
}

static void tramp_notify(CURLM *multi, unsigned int notification, CURL *easy,
                         void *userp)
{
  curlew_multi *m = userp;
  JNIEnv *env = curlew_env();
  (void)multi;
  if(!env || !m->dispatch)
    return;
  (*env)->CallVoidMethod(env, m->dispatch, curlew_jni.multi_notify,
                         (jint)notification,
                         (jlong)(intptr_t)curlew_easy_of(easy));
  FAILED(env, m);
}

int curlew_multi_setopt_callback(curlew_multi *m, int opt, int enable)
{
  CURLMoption data;
  void *fn;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  switch(opt) {
  case CURLMOPT_SOCKETFUNCTION:
    fn = (void *)tramp_socket;
    data = CURLMOPT_SOCKETDATA;
    break;
  case CURLMOPT_TIMERFUNCTION:
    fn = (void *)tramp_timer;
    data = CURLMOPT_TIMERDATA;
    break;
  case CURLMOPT_PUSHFUNCTION:
    fn = (void *)tramp_push;
    data = CURLMOPT_PUSHDATA;
    break;
  case CURLMOPT_NOTIFYFUNCTION:
    fn = (void *)tramp_notify;
    data = CURLMOPT_NOTIFYDATA;
    break;
  default:
    return CURLEW_E_TYPE;
  }
  rc = curl_multi_setopt(m->multi, (CURLMoption)opt, enable ? fn : NULL);
  if(rc == CURLM_OK)
    rc = curl_multi_setopt(m->multi, data, enable ? (void *)m : NULL);
  return (int)rc;
}

int curlew_multi_socket_action(curlew_multi *m, int fd, int mask,
                               int *running)
{
  int r = 0;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  rc = curl_multi_socket_action(m->multi, (curl_socket_t)fd, mask, &r);
  if(running)
    *running = r;
  return (int)rc;
}

int curlew_multi_assign(curlew_multi *m, int fd, int64_t id)
{
  if(!m)
    return CURLM_BAD_HANDLE;
  return (int)curl_multi_assign(m->multi, (curl_socket_t)fd,
                                (void *)(intptr_t)id);
}

int curlew_multi_timeout(curlew_multi *m, int64_t *ms)
{
  long t = -1;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  rc = curl_multi_timeout(m->multi, &t);
  if(ms)
    *ms = t;
  return (int)rc;
}

int curlew_multi_get_handles(curlew_multi *m, int64_t *out, int cap)
{
  CURL **list;
  int n = 0;
  if(!m)
    return -1;
  list = curl_multi_get_handles(m->multi);
  if(!list)
    return -1;
  for(; list[n]; n++)
    if(out && n < cap)
      out[n] = (int64_t)(intptr_t)curlew_easy_of(list[n]);
  curl_free(list);
  return n;
}

int curlew_multi_get_offt(curlew_multi *m, int info, int64_t *out)
{
  curl_off_t v = 0;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  rc = curl_multi_get_offt(m->multi, (CURLMinfo_offt)info, &v);
  if(out)
    *out = (int64_t)v;
  return (int)rc;
}

int curlew_multi_waitfds(curlew_multi *m, int *out, int cap, int *count)
{
  struct curl_waitfd fds[MAX_EXTRA];
  unsigned int n = 0, i;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  if(cap < 0)
    return CURLEW_E_RANGE;
  if(cap > MAX_EXTRA)
    cap = MAX_EXTRA;
  rc = curl_multi_waitfds(m->multi, cap ? fds : NULL, (unsigned int)cap, &n);
  for(i = 0; rc == CURLM_OK && out && i < n && i < (unsigned int)cap; i++) {
    out[2 * i] = fds[i].fd;
    out[2 * i + 1] = fds[i].events;
  }
  if(count)
    *count = (int)n;
  return (int)rc;
}

int curlew_fdset_bytes(void)
{
  return (int)sizeof(fd_set);
}

int curlew_multi_fdset(curlew_multi *m, char *rd, char *wr, char *ex,
                       int *maxfd)
{
  fd_set r, w, e;
  int max = -1;
  CURLMcode rc;
  if(!m)
    return CURLM_BAD_HANDLE;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&e);
  rc = curl_multi_fdset(m->multi, &r, &w, &e, &max);
  if(rd)
    memcpy(rd, &r, sizeof(r));
  if(wr)
    memcpy(wr, &w, sizeof(w));
  if(ex)
    memcpy(ex, &e, sizeof(e));
  if(maxfd)
    *maxfd = max;
  return (int)rc;
}

int curlew_multi_notify(curlew_multi *m, int notification, int enable)
{
  if(!m)
    return CURLM_BAD_HANDLE;
  return (int)(enable ? curl_multi_notify_enable(m->multi, notification)
                      : curl_multi_notify_disable(m->multi, notification));
}
