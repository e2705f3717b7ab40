/***************************************************************************
 * Easy handles: the context around a CURL*, typed setopt and getinfo.
 ***************************************************************************/
#include <stdlib.h>
#include <string.h>
#include "curlew_int.h"

curlew_easy *curlew_easy_of(CURL *curl)
{
  char *priv = NULL;
  if(!curl || curl_easy_getinfo(curl, CURLINFO_PRIVATE, &priv) != CURLE_OK)
    return NULL;
  return (curlew_easy *)priv;
}

/* What every handle gets, new or reset: the context as CURLOPT_PRIVATE,
   the error buffer, NOSIGNAL (libcurl must never touch the JVM's signal
   handlers) and the default body sink. */
static void apply_defaults(curlew_easy *h)
{
  curl_easy_setopt(h->curl, CURLOPT_PRIVATE, (void *)h);
  curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, h->errbuf);
  curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
  h->errbuf[0] = 0;
}

static curlew_easy *wrap(CURL *curl)
{
  curlew_easy *h = calloc(1, sizeof(*h));
  if(!h)
    return NULL;
  h->curl = curl;
  h->postfieldsize = -1;
  h->sink = CURLEW_SINK_JAVA;
  h->sink_max = -1;
  apply_defaults(h);
  return h;
}

curlew_easy *curlew_easy_init(void)
{
  CURL *curl = curl_easy_init();
  curlew_easy *h;
  if(!curl)
    return NULL;
  h = wrap(curl);
  if(!h)
    curl_easy_cleanup(curl);
  return h;
}

/* A CURL* that libcurl made (a server push): the context copies the
   parent's callback set, then every *DATA is pointed at the new context. */
curlew_easy *curlew_easy_adopt(CURL *curl, curlew_easy *parent)
{
  curlew_easy *h = wrap(curl);
  if(!h)
    return NULL;
  if(parent) {
    h->callbacks = parent->callbacks;
    h->sink = parent->sink;
    h->sink_max = parent->sink_max;
  }
  curlew_easy_rebind(h);
  curlew_easy_apply_sink(h);
  return h;
}

static void free_owned(curlew_easy *h)
{
  curlew_slists_free(&h->slists);
  free(h->postfields);
  h->postfields = NULL;
  h->postfields_len = 0;
  h->postfieldsize = -1;
  free(h->upload);
  h->upload = NULL;
  h->upload_len = h->upload_pos = 0;
  curlew_buf_free(&h->body);
  curlew_buf_free(&h->headers);
  h->header_sink = 0;
}

/* frees the context but not the CURL* (libcurl owns it) */
void curlew_easy_forget(curlew_easy *h)
{
  JNIEnv *env;
  if(!h)
    return;
  free_owned(h);
  if(h->dispatch) {
    env = curlew_env();
    if(env) {
      (*env)->DeleteGlobalRef(env, h->dispatch);
      curlew_global_ref_deleted();
    }
  }
  free(h);
}

void curlew_easy_cleanup(curlew_easy *h)
{
  if(!h)
    return;
  curl_easy_cleanup(h->curl);
  curlew_easy_forget(h);
}

curlew_easy *curlew_easy_duphandle(curlew_easy *h)
{
  CURL *curl;
  curlew_easy *d;
  struct curlew_kept_slist *k;
  if(!h)
    return NULL;
  curl = curl_easy_duphandle(h->curl);
  if(!curl)
    return NULL;
  d = wrap(curl);
  if(!d) {
    curl_easy_cleanup(curl);
    return NULL;
  }
  /* libcurl's copy shares the pointers to what it does not copy (slists,
     POSTFIELDS) and points every *DATA at the old context: give the new
     handle its own copies and point the trampolines at it. */
  if(curlew_slists_copy(&d->slists, h->slists))
    goto fail;
  for(k = d->slists; k; k = k->next)
    curl_easy_setopt(curl, (CURLoption)k->opt, k->list);
  if(h->postfields) {
    d->postfields = malloc(h->postfields_len + 1);
    if(!d->postfields)
      goto fail;
    memcpy(d->postfields, h->postfields, h->postfields_len + 1);
    d->postfields_len = h->postfields_len;
    d->postfieldsize = h->postfieldsize;
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, d->postfields);
    if(h->postfieldsize >= 0)
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, h->postfieldsize);
  }
  if(h->upload) {
    if(curlew_easy_set_upload(d, h->upload, h->upload_len))
      goto fail;
  }
  d->callbacks = h->callbacks;
  d->sink = h->sink;
  d->sink_max = h->sink_max;
  curlew_easy_rebind(d);
  curlew_easy_apply_sink(d);
  return d;
fail:
  curlew_easy_cleanup(d);
  return NULL;
}

void curlew_easy_reset(curlew_easy *h)
{
  if(!h)
    return;
  curl_easy_reset(h->curl);
  free_owned(h);
  h->callbacks = 0;
  h->sink = CURLEW_SINK_JAVA;
  h->sink_max = -1;
  h->sink_overflow = 0;
  h->sink_count = 0;
  apply_defaults(h);
}

int curlew_easy_perform(curlew_easy *h)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  curlew_easy_sinks_start(h);
  return (int)curl_easy_perform(h->curl);
}

CURL *curlew_easy_handle(curlew_easy *h)
{
  return h ? h->curl : NULL;
}

const char *curlew_easy_errbuf(curlew_easy *h)
{
  return h ? h->errbuf : "";
}

int curlew_easy_callback_mask(curlew_easy *h)
{
  return h ? (int)h->callbacks : 0;
}

/* --- setopt ---------------------------------------------------------------- */

int curlew_easy_setopt_long(curlew_easy *h, int opt, long value)
{
  int t = curlew_option_type(opt);
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(t < 0)
    return CURLE_UNKNOWN_OPTION;
  if(t != CURLOT_LONG && t != CURLOT_VALUES)
    return CURLEW_E_TYPE;
  if(opt == CURLOPT_NOSIGNAL)
    value = 1; /* never let libcurl install signal handlers in a JVM */
  if(opt == CURLOPT_POSTFIELDSIZE && h->postfields && value >= 0 &&
     (size_t)value > h->postfields_len)
    return CURLEW_E_RANGE;
  if(opt == CURLOPT_POSTFIELDSIZE)
    h->postfieldsize = value;
  return (int)curl_easy_setopt(h->curl, (CURLoption)opt, value);
}

int curlew_easy_setopt_off(curlew_easy *h, int opt, int64_t value)
{
  int t = curlew_option_type(opt);
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(t < 0)
    return CURLE_UNKNOWN_OPTION;
  if(t != CURLOT_OFF_T)
    return CURLEW_E_TYPE;
  if(opt == CURLOPT_POSTFIELDSIZE_LARGE && h->postfields && value >= 0 &&
     (uint64_t)value > h->postfields_len)
    return CURLEW_E_RANGE;
  if(opt == CURLOPT_POSTFIELDSIZE_LARGE)
    h->postfieldsize = (curl_off_t)value;
  return (int)curl_easy_setopt(h->curl, (CURLoption)opt, (curl_off_t)value);
}

/* POSTFIELDS is not copied by libcurl: keep our own copy. COPYPOSTFIELDS is
   copied, but reads POSTFIELDSIZE bytes when that is set, so check it. */
static int set_postfields(curlew_easy *h, int opt, const char *data,
                          size_t len)
{
  char *copy;
  if(h->postfieldsize >= 0 && data && (size_t)h->postfieldsize > len)
    return CURLEW_E_RANGE;
  if(opt == CURLOPT_COPYPOSTFIELDS) {
    CURLcode rc = curl_easy_setopt(h->curl, CURLOPT_COPYPOSTFIELDS, data);
    if(rc == CURLE_OK) {
      free(h->postfields);
      h->postfields = NULL;
      h->postfields_len = 0;
    }
    return (int)rc;
  }
  if(!data) {
    CURLcode rc = curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, (char *)NULL);
    free(h->postfields);
    h->postfields = NULL;
    h->postfields_len = 0;
    return (int)rc;
  }
  copy = malloc(len + 1);
  if(!copy)
    return CURLEW_E_NOMEM;
  memcpy(copy, data, len);
  copy[len] = 0;
  curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, copy);
  free(h->postfields);
  h->postfields = copy;
  h->postfields_len = len;
  return CURLE_OK;
}

int curlew_easy_setopt_str(curlew_easy *h, int opt, const char *value)
{
  int t = curlew_option_type(opt);
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(opt == CURLOPT_POSTFIELDS || opt == CURLOPT_COPYPOSTFIELDS)
    return set_postfields(h, opt, value, value ? strlen(value) : 0);
  if(t < 0)
    return CURLE_UNKNOWN_OPTION;
  if(t != CURLOT_STRING)
    return CURLEW_E_TYPE;
  return (int)curl_easy_setopt(h->curl, (CURLoption)opt, value);
}

int curlew_easy_setopt_bytes(curlew_easy *h, int opt, const char *data,
                             size_t len)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(opt != CURLOPT_POSTFIELDS && opt != CURLOPT_COPYPOSTFIELDS)
    return CURLEW_E_TYPE;
  if(opt == CURLOPT_COPYPOSTFIELDS && data) {
    /* libcurl copies POSTFIELDSIZE bytes, or strlen() when it is unset:
       make sure strlen() stays inside the data by copying with a NUL. */
    char *tmp;
    int rc;
    if(h->postfieldsize >= 0)
      return set_postfields(h, opt, data, len);
    tmp = malloc(len + 1);
    if(!tmp)
      return CURLEW_E_NOMEM;
    memcpy(tmp, data, len);
    tmp[len] = 0;
    rc = set_postfields(h, opt, tmp, len);
    free(tmp);
    return rc;
  }
  return set_postfields(h, opt, data, len);
}

int curlew_easy_setopt_blob(curlew_easy *h, int opt, const char *data,
                            size_t len)
{
  struct curl_blob blob;
  int t = curlew_option_type(opt);
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(t < 0)
    return CURLE_UNKNOWN_OPTION;
  if(t != CURLOT_BLOB)
    return CURLEW_E_TYPE;
  if(!data)
    return (int)curl_easy_setopt(h->curl, (CURLoption)opt,
                                 (struct curl_blob *)NULL);
  blob.data = (void *)data;
  blob.len = len;
  blob.flags = CURL_BLOB_COPY;
  return (int)curl_easy_setopt(h->curl, (CURLoption)opt, &blob);
}

int curlew_easy_setopt_slist(curlew_easy *h, int opt, const char *data,
                             int count)
{
  struct curl_slist *list = NULL;
  CURLcode rc;
  int t = curlew_option_type(opt);
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(t < 0)
    return CURLE_UNKNOWN_OPTION;
  if(t != CURLOT_SLIST)
    return CURLEW_E_TYPE;
  if(count > 0) {
    list = curlew_slist_build(data, count);
    if(!list)
      return CURLEW_E_NOMEM;
  }
  rc = curl_easy_setopt(h->curl, (CURLoption)opt, list);
  if(rc != CURLE_OK) {
    curl_slist_free_all(list);
    return (int)rc;
  }
  if(curlew_slists_keep(&h->slists, opt, list)) {
    curl_easy_setopt(h->curl, (CURLoption)opt, (struct curl_slist *)NULL);
    curl_slist_free_all(list);
    return CURLEW_E_NOMEM;
  }
  return CURLE_OK;
}

int curlew_easy_setopt_handle(curlew_easy *h, int opt, void *obj)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  switch(opt) {
  case CURLOPT_SHARE:
    return (int)curl_easy_setopt(h->curl, CURLOPT_SHARE,
                                 obj ? ((curlew_share *)obj)->share : NULL);
  case CURLOPT_CURLU:
    return (int)curl_easy_setopt(h->curl, CURLOPT_CURLU, (CURLU *)obj);
  case CURLOPT_MIMEPOST:
    return (int)curl_easy_setopt(h->curl, CURLOPT_MIMEPOST, (curl_mime *)obj);
  case CURLOPT_STREAM_DEPENDS:
  case CURLOPT_STREAM_DEPENDS_E:
    return (int)curl_easy_setopt(h->curl, (CURLoption)opt,
                                 obj ? ((curlew_easy *)obj)->curl : NULL);
  default:
    return CURLEW_E_TYPE;
  }
}

int curlew_easy_setopt_callback(curlew_easy *h, int opt, int enable)
{
  enum curlew_cb cb;
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(curlew_option_type(opt) != CURLOT_FUNCTION)
    return curlew_option_type(opt) < 0 ? CURLE_UNKNOWN_OPTION : CURLEW_E_TYPE;
  cb = curlew_easy_cb_of(opt);
  if(cb == CURLEW_CB_COUNT)
    return CURLEW_E_TYPE;
  return curlew_easy_install(h, cb, enable);
}

/* --- getinfo --------------------------------------------------------------- */

int curlew_easy_getinfo_long(curlew_easy *h, int info, int64_t *out)
{
  long v = 0;
  CURLcode rc;
  if(!h || !out)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if((info & CURLINFO_TYPEMASK) != CURLINFO_LONG)
    return CURLEW_E_TYPE;
  rc = curl_easy_getinfo(h->curl, (CURLINFO)info, &v);
  *out = v;
  return (int)rc;
}

int curlew_easy_getinfo_off(curlew_easy *h, int info, int64_t *out)
{
  curl_off_t v = 0;
  CURLcode rc;
  if(!h || !out)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if((info & CURLINFO_TYPEMASK) != CURLINFO_OFF_T)
    return CURLEW_E_TYPE;
  rc = curl_easy_getinfo(h->curl, (CURLINFO)info, &v);
  *out = v;
  return (int)rc;
}

int curlew_easy_getinfo_double(curlew_easy *h, int info, double *out)
{
  double v = 0;
  CURLcode rc;
  if(!h || !out)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if((info & CURLINFO_TYPEMASK) != CURLINFO_DOUBLE)
    return CURLEW_E_TYPE;
  rc = curl_easy_getinfo(h->curl, (CURLINFO)info, &v);
  *out = v;
  return (int)rc;
}

int curlew_easy_getinfo_string(curlew_easy *h, int info, intptr_t *out)
{
  char *v = NULL;
  CURLcode rc;
  if(!h || !out)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  /* PRIVATE holds curlew's context, not a string */
  if((info & CURLINFO_TYPEMASK) != CURLINFO_STRING || info == CURLINFO_PRIVATE)
    return CURLEW_E_TYPE;
  rc = curl_easy_getinfo(h->curl, (CURLINFO)info, &v);
  *out = (intptr_t)v;
  return (int)rc;
}

int curlew_easy_getinfo_ptr(curlew_easy *h, int info, intptr_t *out)
{
  void *v = NULL;
  CURLcode rc;
  if(!h || !out)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if((info & CURLINFO_TYPEMASK) != CURLINFO_SLIST ||
     info == CURLINFO_TLS_SESSION || info == CURLINFO_TLS_SSL_PTR)
    return CURLEW_E_TYPE;
  rc = curl_easy_getinfo(h->curl, (CURLINFO)info, &v);
  *out = (intptr_t)v;
  return (int)rc;
}

int curlew_easy_getinfo_socket(curlew_easy *h, int info, int64_t *out)
{
  curl_socket_t v = CURL_SOCKET_BAD;
  CURLcode rc;
  if(!h || !out)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if((info & CURLINFO_TYPEMASK) != CURLINFO_SOCKET)
    return CURLEW_E_TYPE;
  rc = curl_easy_getinfo(h->curl, (CURLINFO)info, &v);
  *out = (int64_t)v;
  return (int)rc;
}

int curlew_easy_getinfo_tls(curlew_easy *h, int info, int64_t *out)
{
  struct curl_tlssessioninfo *v = NULL;
  CURLcode rc;
  if(!h || !out)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(info != CURLINFO_TLS_SESSION && info != CURLINFO_TLS_SSL_PTR)
    return CURLEW_E_TYPE;
  rc = curl_easy_getinfo(h->curl, (CURLINFO)info, &v);
  out[0] = v ? (int64_t)v->backend : 0;
  out[1] = v ? (int64_t)(intptr_t)v->internals : 0;
  return (int)rc;
}

/* --- the rest of the easy API ---------------------------------------------- */

int curlew_easy_pause(curlew_easy *h, int action)
{
  return h ? (int)curl_easy_pause(h->curl, action)
           : CURLE_BAD_FUNCTION_ARGUMENT;
}

int curlew_easy_upkeep(curlew_easy *h)
{
  return h ? (int)curl_easy_upkeep(h->curl) : CURLE_BAD_FUNCTION_ARGUMENT;
}

int curlew_easy_recv(curlew_easy *h, char *buf, size_t len, int64_t *n)
{
  size_t got = 0;
  CURLcode rc;
  if(!h || !buf || !n)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  rc = curl_easy_recv(h->curl, buf, len, &got);
  *n = (int64_t)got;
  return (int)rc;
}

int curlew_easy_send(curlew_easy *h, const char *buf, size_t len, int64_t *n)
{
  size_t sent = 0;
  CURLcode rc;
  if(!h || !buf || !n)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  rc = curl_easy_send(h->curl, buf, len, &sent);
  *n = (int64_t)sent;
  return (int)rc;
}

char *curlew_easy_escape(curlew_easy *h, const char *s, int len)
{
  return s ? curl_easy_escape(h ? h->curl : NULL, s, len) : NULL;
}

char *curlew_easy_unescape(curlew_easy *h, const char *s, int len,
                           int *outlen)
{
  return s ? curl_easy_unescape(h ? h->curl : NULL, s, len, outlen) : NULL;
}

int curlew_easy_header(curlew_easy *h, const char *name, size_t index,
                       unsigned int origin, int request, intptr_t *out)
{
  struct curl_header *hdr = NULL;
  CURLHcode rc;
  if(!h || !name || !out)
    return CURLHE_BAD_ARGUMENT;
  rc = curl_easy_header(h->curl, name, index, origin, request, &hdr);
  *out = (intptr_t)hdr;
  return (int)rc;
}

intptr_t curlew_easy_nextheader(curlew_easy *h, unsigned int origin,
                                int request, intptr_t prev)
{
  if(!h)
    return 0;
  return (intptr_t)curl_easy_nextheader(h->curl, origin, request,
                                        (struct curl_header *)prev);
}

int curlew_easy_ssls_import(curlew_easy *h, const char *session_key,
                            const char *shmac, size_t shmac_len,
                            const char *sdata, size_t sdata_len)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  return (int)curl_easy_ssls_import(h->curl, session_key,
                                    (const unsigned char *)shmac, shmac_len,
                                    (const unsigned char *)sdata, sdata_len);
}
