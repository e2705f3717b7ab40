/***************************************************************************
 * C trampolines for every easy-handle callback.
 *
 * libcurl calls back on the thread that drives the transfer (perform or
 * socket_action), which is a Java thread, so curlew_env() is a GetEnv.
 * Each trampoline makes exactly one upcall into the handle's EasyUpcalls
 * object, with raw addresses instead of new Java objects. The Java side
 * never lets an exception escape; if one does anyway (an Error while
 * entering the method), curlew_upcall_failed() hands it back to the
 * dispatcher and the trampoline returns the abort value libcurl documents
 * for that callback.
 ***************************************************************************/
#include <string.h>
#include "curlew_int.h"

#define DISPATCH(h) ((h) ? (h)->dispatch : NULL)

/* Common prologue: the env, or the abort value when there is no Java side. */
#define ENTER(h, abortval)                                        \
  JNIEnv *env = curlew_env();                                     \
  if(!env || !DISPATCH(h))                                        \
    return abortval

#define FAILED(env, h)                                            \
  curlew_upcall_failed(env, (h)->dispatch, curlew_jni.easy_fail)

static size_t tramp_write(char *ptr, size_t size, size_t nmemb, void *userp)
{
  curlew_easy *h = userp;
  jlong rc;
  ENTER(h, CURL_WRITEFUNC_ERROR);
  rc = (*env)->CallLongMethod(env, h->dispatch, curlew_jni.easy_write,
                              (jlong)(intptr_t)ptr, (jlong)(size * nmemb));
  if(FAILED(env, h))
    return CURL_WRITEFUNC_ERROR;
  return (size_t)rc;
}

static size_t tramp_read(char *ptr, size_t size, size_t nmemb, void *userp)
{
  curlew_easy *h = userp;
  jlong rc;
  ENTER(h, CURL_READFUNC_ABORT);
  rc = (*env)->CallLongMethod(env, h->dispatch, curlew_jni.easy_read,
                              (jlong)(intptr_t)ptr, (jlong)(size * nmemb));
  if(FAILED(env, h))
    return CURL_READFUNC_ABORT;
  return (size_t)rc;
}

static size_t tramp_header(char *ptr, size_t size, size_t nmemb, void *userp)
{
  curlew_easy *h = userp;
  jlong rc;
  ENTER(h, CURL_WRITEFUNC_ERROR);
  rc = (*env)->CallLongMethod(env, h->dispatch, curlew_jni.easy_header,
                              (jlong)(intptr_t)ptr, (jlong)(size * nmemb));
  if(FAILED(env, h))
    return CURL_WRITEFUNC_ERROR;
  return (size_t)rc;
}

static int tramp_xferinfo(void *userp, curl_off_t dltotal, curl_off_t dlnow,
                          curl_off_t ultotal, curl_off_t ulnow)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, 1);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_xferinfo,
                             (jlong)dltotal, (jlong)dlnow, (jlong)ultotal,
                             (jlong)ulnow);
  if(FAILED(env, h))
    return 1;
  return rc;
}

static int tramp_progress(void *userp, double dltotal, double dlnow,
                          double ultotal, double ulnow)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, 1);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_progress,
                             dltotal, dlnow, ultotal, ulnow);
  if(FAILED(env, h))
    return 1;
  return rc;
}

static int tramp_debug(CURL *curl, curl_infotype type, char *data,
                       size_t size, void *userp)
{
  curlew_easy *h = userp;
  (void)curl;
  ENTER(h, 0);
  (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_debug, (jint)type,
                        (jlong)(intptr_t)data, (jlong)size);
  FAILED(env, h);
  return 0; /* libcurl ignores the return value */
}

static int tramp_seek(void *userp, curl_off_t offset, int origin)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, CURL_SEEKFUNC_FAIL);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_seek,
                             (jlong)offset, (jint)origin);
  if(FAILED(env, h))
    return CURL_SEEKFUNC_FAIL;
  return rc;
}

static int tramp_sockopt(void *userp, curl_socket_t fd, curlsocktype purpose)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, CURL_SOCKOPT_ERROR);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_sockopt,
                             (jint)fd, (jint)purpose);
  if(FAILED(env, h))
    return CURL_SOCKOPT_ERROR;
  return rc;
}

static curl_socket_t tramp_opensocket(void *userp, curlsocktype purpose,
                                      struct curl_sockaddr *address)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, CURL_SOCKET_BAD);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_opensocket,
                             (jint)purpose, (jlong)(intptr_t)address);
  if(FAILED(env, h))
    return CURL_SOCKET_BAD;
  return (curl_socket_t)rc;
}

static int tramp_closesocket(void *userp, curl_socket_t fd)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, 1);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_closesocket,
                             (jint)fd);
  if(FAILED(env, h))
    return 1;
  return rc;
}

static int tramp_prereq(void *userp, char *primary_ip, char *local_ip,
                        int primary_port, int local_port)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, CURL_PREREQFUNC_ABORT);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_prereq,
                             (jlong)(intptr_t)primary_ip,
                             (jlong)(intptr_t)local_ip, (jint)primary_port,
                             (jint)local_port);
  if(FAILED(env, h))
    return CURL_PREREQFUNC_ABORT;
  return rc;
}

static int tramp_resolver_start(void *resolver_state, void *reserved,
                                void *userp)
{
  curlew_easy *h = userp;
  jint rc;
  (void)reserved;
  ENTER(h, 1);
  rc = (*env)->CallIntMethod(env, h->dispatch,
                             curlew_jni.easy_resolver_start,
                             (jlong)(intptr_t)resolver_state);
  if(FAILED(env, h))
    return 1;
  return rc;
}

static int tramp_trailer(struct curl_slist **list, void *userp)
{
  curlew_easy *h = userp;
  jlong rc;
  ENTER(h, CURL_TRAILERFUNC_ABORT);
  /* Java builds the list with curlew_slist_build(); libcurl frees it.
     -1 means abort. */
  rc = (*env)->CallLongMethod(env, h->dispatch, curlew_jni.easy_trailer);
  if(FAILED(env, h) || rc == -1)
    return CURL_TRAILERFUNC_ABORT;
  *list = (struct curl_slist *)(intptr_t)rc;
  return CURL_TRAILERFUNC_OK;
}

static CURLSTScode tramp_hsts_read(CURL *curl, struct curl_hstsentry *e,
                                   void *userp)
{
  curlew_easy *h = userp;
  jint rc;
  (void)curl;
  ENTER(h, CURLSTS_FAIL);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_hsts_read,
                             (jlong)(intptr_t)e);
  if(FAILED(env, h))
    return CURLSTS_FAIL;
  return (CURLSTScode)rc;
}

static CURLSTScode tramp_hsts_write(CURL *curl, struct curl_hstsentry *e,
                                    struct curl_index *i, void *userp)
{
  curlew_easy *h = userp;
  jint rc;
  (void)curl;
  ENTER(h, CURLSTS_FAIL);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_hsts_write,
                             (jlong)(intptr_t)e, (jlong)(intptr_t)i);
  if(FAILED(env, h))
    return CURLSTS_FAIL;
  return (CURLSTScode)rc;
}

static long tramp_chunk_bgn(const void *info, void *userp, int remains)
{
  curlew_easy *h = userp;
  jlong rc;
  ENTER(h, CURL_CHUNK_BGN_FUNC_FAIL);
  rc = (*env)->CallLongMethod(env, h->dispatch, curlew_jni.easy_chunk_bgn,
                              (jlong)(intptr_t)info, (jint)remains);
  if(FAILED(env, h))
    return CURL_CHUNK_BGN_FUNC_FAIL;
  return (long)rc;
}

static long tramp_chunk_end(void *userp)
{
  curlew_easy *h = userp;
  jlong rc;
  ENTER(h, CURL_CHUNK_END_FUNC_FAIL);
  rc = (*env)->CallLongMethod(env, h->dispatch, curlew_jni.easy_chunk_end);
  if(FAILED(env, h))
    return CURL_CHUNK_END_FUNC_FAIL;
  return (long)rc;
}

static int tramp_fnmatch(void *userp, const char *pattern, const char *string)
{
  curlew_easy *h = userp;
  jint rc;
  ENTER(h, CURL_FNMATCHFUNC_FAIL);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_fnmatch,
                             (jlong)(intptr_t)pattern,
                             (jlong)(intptr_t)string);
  if(FAILED(env, h))
    return CURL_FNMATCHFUNC_FAIL;
  return rc;
}

static size_t tramp_interleave(void *ptr, size_t size, size_t nmemb,
                               void *userp)
{
  curlew_easy *h = userp;
  jlong rc;
  ENTER(h, 0);
  rc = (*env)->CallLongMethod(env, h->dispatch, curlew_jni.easy_interleave,
                              (jlong)(intptr_t)ptr, (jlong)(size * nmemb));
  if(FAILED(env, h))
    return 0;
  return (size_t)rc;
}

static CURLcode tramp_ssl_ctx(CURL *curl, void *sslctx, void *userp)
{
  curlew_easy *h = userp;
  jint rc;
  (void)curl;
  ENTER(h, CURLE_ABORTED_BY_CALLBACK);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_ssl_ctx,
                             (jlong)(intptr_t)sslctx);
  if(FAILED(env, h))
    return CURLE_ABORTED_BY_CALLBACK;
  return (CURLcode)rc;
}

static curlioerr tramp_ioctl(CURL *curl, int cmd, void *userp)
{
  curlew_easy *h = userp;
  jint rc;
  (void)curl;
  ENTER(h, CURLIOE_FAILRESTART);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_ioctl,
                             (jint)cmd);
  if(FAILED(env, h))
    return CURLIOE_FAILRESTART;
  return (curlioerr)rc;
}

/* option pairs: the FUNCTION option, its *DATA option, the trampoline */
struct tramp {
  CURLoption func;
  CURLoption data;
  void *fn;
};

static const struct tramp tramps[CURLEW_CB_COUNT] = {
  { CURLOPT_WRITEFUNCTION, CURLOPT_WRITEDATA, (void *)tramp_write },
  { CURLOPT_READFUNCTION, CURLOPT_READDATA, (void *)tramp_read },
  { CURLOPT_HEADERFUNCTION, CURLOPT_HEADERDATA, (void *)tramp_header },
  { CURLOPT_XFERINFOFUNCTION, CURLOPT_XFERINFODATA, (void *)tramp_xferinfo },
  { CURLOPT_DEBUGFUNCTION, CURLOPT_DEBUGDATA, (void *)tramp_debug },
  { CURLOPT_SEEKFUNCTION, CURLOPT_SEEKDATA, (void *)tramp_seek },
  { CURLOPT_SOCKOPTFUNCTION, CURLOPT_SOCKOPTDATA, (void *)tramp_sockopt },
  { CURLOPT_OPENSOCKETFUNCTION, CURLOPT_OPENSOCKETDATA,
    (void *)tramp_opensocket },
  { CURLOPT_CLOSESOCKETFUNCTION, CURLOPT_CLOSESOCKETDATA,
    (void *)tramp_closesocket },
  { CURLOPT_PREREQFUNCTION, CURLOPT_PREREQDATA, (void *)tramp_prereq },
  { CURLOPT_RESOLVER_START_FUNCTION, CURLOPT_RESOLVER_START_DATA,
    (void *)tramp_resolver_start },
  { CURLOPT_TRAILERFUNCTION, CURLOPT_TRAILERDATA, (void *)tramp_trailer },
  { CURLOPT_HSTSREADFUNCTION, CURLOPT_HSTSREADDATA, (void *)tramp_hsts_read },
  { CURLOPT_HSTSWRITEFUNCTION, CURLOPT_HSTSWRITEDATA,
    (void *)tramp_hsts_write },
  { CURLOPT_CHUNK_BGN_FUNCTION, CURLOPT_CHUNK_DATA, (void *)tramp_chunk_bgn },
  { CURLOPT_CHUNK_END_FUNCTION, CURLOPT_CHUNK_DATA, (void *)tramp_chunk_end },
  { CURLOPT_FNMATCH_FUNCTION, CURLOPT_FNMATCH_DATA, (void *)tramp_fnmatch },
  { CURLOPT_INTERLEAVEFUNCTION, CURLOPT_INTERLEAVEDATA,
    (void *)tramp_interleave },
  { CURLOPT_SSL_CTX_FUNCTION, CURLOPT_SSL_CTX_DATA, (void *)tramp_ssl_ctx },
  { CURLOPT_PROGRESSFUNCTION, CURLOPT_PROGRESSDATA, (void *)tramp_progress },
  { CURLOPT_IOCTLFUNCTION, CURLOPT_IOCTLDATA, (void *)tramp_ioctl },
};

enum curlew_cb curlew_easy_cb_of(int opt)
{
  int i;
  for(i = 0; i < CURLEW_CB_COUNT; i++)
    if((int)tramps[i].func == opt)
      return (enum curlew_cb)i;
  return CURLEW_CB_COUNT;
}

static int set_fn(CURL *curl, CURLoption opt, void *fn)
{
  /* A function pointer travels through the varargs as itself. */
  return (int)curl_easy_setopt(curl, opt, fn);
}

int curlew_easy_install(curlew_easy *h, enum curlew_cb cb, int enable)
{
  const struct tramp *t = &tramps[cb];
  int rc;
  if(cb == CURLEW_CB_WRITE && h->sink != CURLEW_SINK_JAVA) {
    /* the native sink keeps the write function; only remember the wish */
    if(enable)
      h->callbacks |= 1u << cb;
    else
      h->callbacks &= ~(1u << cb);
    return CURLE_OK;
  }
  rc = set_fn(h->curl, t->func, enable ? t->fn : NULL);
  if(rc != CURLE_OK)
    return rc;
  curl_easy_setopt(h->curl, t->data, enable ? (void *)h : NULL);
  if(enable)
    h->callbacks |= 1u << cb;
  else
    h->callbacks &= ~(1u << cb);
  /* CHUNK_BGN and CHUNK_END share CHUNK_DATA: keep it while either is on */
  if(!enable && (cb == CURLEW_CB_CHUNK_BGN || cb == CURLEW_CB_CHUNK_END) &&
     (h->callbacks & ((1u << CURLEW_CB_CHUNK_BGN) |
                      (1u << CURLEW_CB_CHUNK_END))))
    curl_easy_setopt(h->curl, CURLOPT_CHUNK_DATA, (void *)h);
  /* XFERINFO and PROGRESS share one *DATA option as well */
  if(!enable && (cb == CURLEW_CB_XFERINFO || cb == CURLEW_CB_PROGRESS) &&
     (h->callbacks & ((1u << CURLEW_CB_XFERINFO) |
                      (1u << CURLEW_CB_PROGRESS))))
    curl_easy_setopt(h->curl, CURLOPT_XFERINFODATA, (void *)h);
  return CURLE_OK;
}

void curlew_easy_rebind(curlew_easy *h)
{
  int i;
  for(i = 0; i < CURLEW_CB_COUNT; i++)
    if(h->callbacks & (1u << i))
      curl_easy_setopt(h->curl, tramps[i].data, (void *)h);
}

/* curl_easy_ssls_export: one upcall per session, with raw addresses */
static CURLcode tramp_ssls_export(CURL *curl, void *userp,
                                  const char *session_key,
                                  const unsigned char *shmac, size_t shmac_len,
                                  const unsigned char *sdata, size_t sdata_len,
                                  curl_off_t valid_until, int ietf_tls_id,
                                  const char *alpn, size_t earlydata_max)
{
  curlew_easy *h = userp;
  jint rc;
  (void)curl;
  ENTER(h, CURLE_ABORTED_BY_CALLBACK);
  rc = (*env)->CallIntMethod(env, h->dispatch, curlew_jni.easy_ssls_export,
                             (jlong)(intptr_t)session_key,
                             (jlong)(intptr_t)shmac, (jlong)shmac_len,
                             (jlong)(intptr_t)sdata, (jlong)sdata_len,
                             (jlong)valid_until, (jlong)(intptr_t)alpn,
                             (jint)ietf_tls_id, (jlong)earlydata_max);
  if(FAILED(env, h))
    return CURLE_ABORTED_BY_CALLBACK;
  return (CURLcode)rc;
}

int curlew_easy_ssls_export(curlew_easy *h)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  return (int)curl_easy_ssls_export(h->curl, tramp_ssls_export, (void *)h);
}
