/***************************************************************************
 * C libcurl baselines for the curlew benchmarks, linked against the same
 * static stack (libcurl, OpenSSL, nghttp2, ...) that curlew bundles.
 *
 *   cbench easy  --url U --n N                 one easy handle, N sequential
 *                                              transfers, connection reused
 *   cbench multi --url U --n N --k K           multi_socket_action driven by
 *                                              epoll, K transfers in flight,
 *                                              N in total (handles reused)
 * common: --iters I --warmup W --warmup-n N (transfers per warm-up round,
 *         default N/5) --warmup-k K (in flight during warm-up, default K)
 *         --warmup-url U (default --url) --h2 --cafile F --workload NAME --client NAME
 *         --bufsize B (CURLOPT_BUFFERSIZE; 0 = libcurl's default)
 *
 * Each measured iteration prints one line:
 *   RESULT {"workload":..,"client":..,"iter":i,"wall_s":..,"cpu_s":..,
 *           "n":..,"bytes":..,"errors":..,"rss_before_kb":..,"hwm_kb":..}
 * CPU is getrusage(RUSAGE_SELF) user+sys over the iteration; hwm_kb is the
 * peak RSS during the iteration (VmHWM, reset through /proc/self/clear_refs
 * before it starts).
 ***************************************************************************/
#define _GNU_SOURCE
#include <curl/curl.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static const char *url;
static const char *cur_url;     /* this round's URL (warm-up may differ) */
static const char *warmup_url;
static const char *cafile;
static const char *workload = "?";
static const char *client = "?";
static int h2;
static long n_total = 1000, k_inflight = 1, iters = 5, warmup = 1, warmup_n = -1,
  warmup_k = -1, bufsize;

struct xfer {
  CURL *easy;
  curl_off_t bytes;
};

static curl_off_t total_bytes;
static long errors;

static size_t discard(char *p, size_t s, size_t n, void *u)
{
  struct xfer *x = u;
  (void)p;
  x->bytes += (curl_off_t)(s * n);
  return s * n;
}

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_s(void)
{
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
         ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static long status_kb(const char *key)
{
  char line[256];
  long v = -1;
  size_t kl = strlen(key);
  FILE *f = fopen("/proc/self/status", "r");
  if(!f)
    return -1;
  while(fgets(line, sizeof(line), f)) {
    if(!strncmp(line, key, kl) && line[kl] == ':') {
      v = atol(line + kl + 1);
      break;
    }
  }
  fclose(f);
  return v;
}

static void reset_hwm(void)
{
  FILE *f = fopen("/proc/self/clear_refs", "w");
  if(f) {
    fputs("5", f);
    fclose(f);
  }
}

static void setup(struct xfer *x)
{
  x->easy = curl_easy_init();
  curl_easy_setopt(x->easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(x->easy, CURLOPT_WRITEDATA, (void *)x);
  curl_easy_setopt(x->easy, CURLOPT_PRIVATE, (void *)x);
  if(bufsize)
    curl_easy_setopt(x->easy, CURLOPT_BUFFERSIZE, bufsize);
  if(h2) {
    curl_easy_setopt(x->easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(x->easy, CURLOPT_PIPEWAIT, 1L);
  }
  if(cafile)
    curl_easy_setopt(x->easy, CURLOPT_CAINFO, cafile);
}

static void check_done(struct xfer *x, CURLcode rc)
{
  long code = 0;
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  if(rc != CURLE_OK || code != 200) {
    if(errors < 5)
      fprintf(stderr, "cbench: transfer failed: %s (HTTP %ld)\n",
              curl_easy_strerror(rc), code);
    errors++;
  }
  total_bytes += x->bytes;
  x->bytes = 0;
}

/* ---- easy loop --------------------------------------------------------- */

static struct xfer easy_x;

static void run_easy(long n)
{
  long i;
  if(!easy_x.easy)
    setup(&easy_x);
  for(i = 0; i < n; i++) {
    CURLcode rc;
    /* like curlew's easy.url(u).perform(): the URL is set for every transfer */
    curl_easy_setopt(easy_x.easy, CURLOPT_URL, cur_url);
    rc = curl_easy_perform(easy_x.easy);
    check_done(&easy_x, rc);
  }
}

/* ---- multi_socket_action + epoll --------------------------------------- */

static CURLM *multi;
static int epfd = -1;
static double deadline = -1; /* when libcurl's timer expires, -1: none */
static struct xfer *pool;

static int sock_cb(CURL *e, curl_socket_t s, int what, void *u, void *sp)
{
  struct epoll_event ev;
  (void)e; (void)u;
  if(what == CURL_POLL_REMOVE) {
    epoll_ctl(epfd, EPOLL_CTL_DEL, s, NULL);
    return 0;
  }
  memset(&ev, 0, sizeof(ev));
  ev.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0) |
              ((what & CURL_POLL_OUT) ? EPOLLOUT : 0);
  ev.data.fd = s;
  if(sp) {
    if(epoll_ctl(epfd, EPOLL_CTL_MOD, s, &ev) == 0)
      return 0;
  }
  if(epoll_ctl(epfd, EPOLL_CTL_ADD, s, &ev) != 0 && errno == EEXIST)
    epoll_ctl(epfd, EPOLL_CTL_MOD, s, &ev);
  curl_multi_assign(multi, s, (void *)1);
  return 0;
}

static int timer_cb(CURLM *m, long ms, void *u)
{
  (void)m; (void)u;
  deadline = ms < 0 ? -1 : now_s() + ms / 1000.0;
  return 0;
}

static void run_multi(long n, long kk)
{
  long started = 0, finished = 0, i;
  int running = 0;
  struct epoll_event evs[512];
  long k = kk < n ? kk : n;
  if(!multi) {
    multi = curl_multi_init();
    epfd = epoll_create1(EPOLL_CLOEXEC);
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, sock_cb);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, timer_cb);
    curl_multi_setopt(multi, CURLMOPT_MAX_CONCURRENT_STREAMS, 1000L);
    if(h2)
      curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    pool = calloc((size_t)k_inflight, sizeof(*pool));
  }
  for(i = 0; i < k; i++) {
    if(!pool[i].easy)
      setup(&pool[i]); /* lazily: W4 counts handle memory in its first run */
    curl_easy_setopt(pool[i].easy, CURLOPT_URL, cur_url);
    curl_multi_add_handle(multi, pool[i].easy);
    started++;
  }
  double progress = now_s();
  long seen = 0;
  while(finished < n) {
    int nev, j;
    CURLMsg *msg;
    int q;
    int wait = 1000;
    if(deadline >= 0) {
      double left = deadline - now_s();
      wait = left <= 0 ? 0 : (int)(left * 1000) + 1;
      if(wait > 1000)
        wait = 1000;
    }
    nev = epoll_wait(epfd, evs, 512, wait);
    for(j = 0; j < nev; j++) {
      int mask = 0;
      if(evs[j].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        mask |= CURL_CSELECT_IN;
      if(evs[j].events & (EPOLLOUT | EPOLLERR))
        mask |= CURL_CSELECT_OUT;
      curl_multi_socket_action(multi, evs[j].data.fd, mask, &running);
    }
    /* the timer, when it is due (also after events: a busy loop must not starve it) */
    if(deadline >= 0 && now_s() >= deadline) {
      deadline = -1;
      curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
    }
    if(finished != seen) {
      seen = finished;
      progress = now_s();
    }
    else if(now_s() - progress > 60) {
      fprintf(stderr, "cbench: stalled: no transfer finished in 60 s (%ld of %ld done,"
              " %d running)\n", finished, n, running);
      exit(3);
    }
    while((msg = curl_multi_info_read(multi, &q))) {
      struct xfer *x;
      if(msg->msg != CURLMSG_DONE)
        continue;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&x);
      check_done(x, msg->data.result);
      curl_multi_remove_handle(multi, x->easy);
      finished++;
      if(started < n) {
        curl_easy_setopt(x->easy, CURLOPT_URL, cur_url);
        curl_multi_add_handle(multi, x->easy);
        started++;
      }
    }
  }
}

static void usage(void)
{
  fprintf(stderr, "usage: cbench easy|multi --url U [--n N] [--k K] [--iters I]"
          " [--warmup W] [--warmup-n N] [--warmup-k K] [--warmup-url U] [--h2] [--cafile F] [--bufsize B] [--workload W]"
          " [--client C]\n");
  exit(2);
}

int main(int argc, char **argv)
{
  int i, multi_mode;
  long it;
  if(argc == 2 && !strcmp(argv[1], "--version")) {
    printf("%s\n", curl_version());
    return 0;
  }
  if(argc < 2)
    usage();
  multi_mode = !strcmp(argv[1], "multi");
  if(!multi_mode && strcmp(argv[1], "easy"))
    usage();
  for(i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if(!strcmp(a, "--h2")) { h2 = 1; continue; }
    if(!v) usage();
    i++;
    if(!strcmp(a, "--url")) url = v;
    else if(!strcmp(a, "--n")) n_total = atol(v);
    else if(!strcmp(a, "--k")) k_inflight = atol(v);
    else if(!strcmp(a, "--iters")) iters = atol(v);
    else if(!strcmp(a, "--warmup")) warmup = atol(v);
    else if(!strcmp(a, "--warmup-n")) warmup_n = atol(v);
    else if(!strcmp(a, "--warmup-url")) warmup_url = v;
    else if(!strcmp(a, "--warmup-k")) warmup_k = atol(v);
    else if(!strcmp(a, "--cafile")) cafile = v;
    else if(!strcmp(a, "--bufsize")) bufsize = atol(v);
    else if(!strcmp(a, "--workload")) workload = v;
    else if(!strcmp(a, "--client")) client = v;
    else usage();
  }
  if(!url)
    usage();
  curl_global_init(CURL_GLOBAL_DEFAULT);
  cur_url = warmup_url ? warmup_url : url;
  /* warm-up: the same transfers, fewer of them (connections stay open) */
  for(it = 0; it < warmup; it++) {
    long wn = warmup_n >= 0 ? warmup_n : n_total / 5;
    if(wn > n_total)
      wn = n_total;
    if(wn <= 0)
      continue;
    if(multi_mode)
      run_multi(wn, warmup_k > 0 && warmup_k < k_inflight ? warmup_k : k_inflight);
    else
      run_easy(wn);
  }
  cur_url = url;
  for(it = 1; it <= iters; it++) {
    double w0, c0, w1, c1;
    long rss0, hwm;
    total_bytes = 0;
    errors = 0;
    rss0 = status_kb("VmRSS");
    reset_hwm();
    w0 = now_s();
    c0 = cpu_s();
    if(multi_mode)
      run_multi(n_total, k_inflight);
    else
      run_easy(n_total);
    c1 = cpu_s();
    w1 = now_s();
    hwm = status_kb("VmHWM");
    printf("RESULT {\"workload\":\"%s\",\"client\":\"%s\",\"iter\":%ld,"
           "\"wall_s\":%.6f,\"cpu_s\":%.6f,\"n\":%ld,\"bytes\":%lld,"
           "\"errors\":%ld,\"rss_before_kb\":%ld,\"hwm_kb\":%ld}\n",
           workload, client, it, w1 - w0, c1 - c0, n_total,
           (long long)total_bytes, errors, rss0, hwm);
    fflush(stdout);
  }
  return 0;
}
