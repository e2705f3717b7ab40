/* Negative control of .ci/asan-check.sh: proof that the sanitizer run fails
 * when the native code has a memory error. Linked only into the self-test
 * variant of the ASan library (target/asan/selftest/), never into
 * libjnicurlew.so as shipped nor into the ASan library the tests run on.
 *
 * The link wraps curlew_easy_init (-Wl,--wrap=curlew_easy_init), so each
 * easy handle made through the JNI glue first makes one deliberate error,
 * of the kind named by the environment variable CURLEW_ASAN_SELFTEST:
 *   heap   a one-byte heap buffer overflow (AddressSanitizer)
 *   ubsan  a signed integer overflow (UndefinedBehaviorSanitizer)
 *   leak   a lost block of memory (LeakSanitizer, at exit)
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

void *__real_curlew_easy_init(void);
void *__wrap_curlew_easy_init(void);

/* volatile: keeps the compiler from proving the errors away */
static volatile int curlew_selftest_sink;

static void curlew_selftest_heap_overflow(void)
{
  volatile size_t len = 8;
  char *p = malloc(len);
  if(p) {
    p[len] = 1; /* one past the end */
    curlew_selftest_sink = p[0];
    free(p);
  }
}

static void *volatile curlew_selftest_lost;

static void curlew_selftest_leak(void)
{
  curlew_selftest_lost = malloc(64);
  curlew_selftest_lost = NULL; /* the only pointer to it, gone */
}

static void curlew_selftest_int_overflow(void)
{
  volatile int big = INT_MAX;
  curlew_selftest_sink = big + 1;
}

void *__wrap_curlew_easy_init(void)
{
  const char *kind = getenv("CURLEW_ASAN_SELFTEST");
  if(kind && !strcmp(kind, "ubsan"))
    curlew_selftest_int_overflow();
  else if(kind && !strcmp(kind, "leak"))
    curlew_selftest_leak();
  else
    curlew_selftest_heap_overflow();
  return __real_curlew_easy_init();
}
