/***************************************************************************
 * Native body sinks and native upload buffers: the data path that needs no
 * upcall per chunk. A response body can be collected into a C buffer (read
 * by Java once, when the transfer is done) or dropped and counted; a request
 * body can be served from a C copy, with seeking for rewinds and redirects.
 ***************************************************************************/
#include <stdlib.h>
#include <string.h>
#include "curlew_int.h"

static size_t sink_buffer(char *ptr, size_t size, size_t nmemb, void *userp)
{
  curlew_easy *h = userp;
  size_t len = size * nmemb;
  if(h->sink_max >= 0 && h->sink_count + (curl_off_t)len > h->sink_max) {
    h->sink_overflow = 1;
    return CURL_WRITEFUNC_ERROR;
  }
  if(curlew_buf_append(&h->body, ptr, len))
    return CURL_WRITEFUNC_ERROR;
  h->sink_count += (curl_off_t)len;
  return len;
}

static size_t sink_discard(char *ptr, size_t size, size_t nmemb, void *userp)
{
  curlew_easy *h = userp;
  (void)ptr;
  h->sink_count += (curl_off_t)(size * nmemb);
  return size * nmemb;
}

void curlew_easy_apply_sink(curlew_easy *h)
{
  switch(h->sink) {
  case CURLEW_SINK_BUFFER:
    curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, sink_buffer);
    curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, (void *)h);
    break;
  case CURLEW_SINK_DISCARD:
    curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, sink_discard);
    curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, (void *)h);
    break;
  default:
    /* back to the Java callback if one was installed, else the default */
    h->sink = CURLEW_SINK_JAVA;
    curlew_easy_install(h, CURLEW_CB_WRITE,
                        (h->callbacks & (1u << CURLEW_CB_WRITE)) != 0);
    break;
  }
}

int curlew_easy_set_sink(curlew_easy *h, int sink, int64_t max_bytes)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(sink < CURLEW_SINK_JAVA || sink > CURLEW_SINK_DISCARD)
    return CURLEW_E_RANGE;
  h->sink = sink;
  h->sink_max = max_bytes;
  curlew_easy_apply_sink(h);
  return CURLE_OK;
}

int64_t curlew_easy_sink_size(curlew_easy *h)
{
  return h ? (int64_t)h->sink_count : 0;
}

const char *curlew_easy_sink_data(curlew_easy *h)
{
  return h ? h->body.data : NULL;
}

int curlew_easy_sink_overflowed(curlew_easy *h)
{
  return h ? h->sink_overflow : 0;
}

void curlew_easy_sink_clear(curlew_easy *h)
{
  if(!h)
    return;
  /* keep small buffers for the next transfer, give big ones back */
  if(h->body.cap > 65536)
    curlew_buf_free(&h->body);
  h->body.len = 0;
  h->sink_count = 0;
  h->sink_overflow = 0;
}

void curlew_easy_sinks_start(curlew_easy *h)
{
  h->sink_overflow = 0;
  h->sink_count = 0;
  h->body.len = 0;
  h->headers.len = 0;
  h->upload_pos = 0;
}

/* response headers, appended as libcurl delivers them (status lines and the
   blank line included), for one hand-over when the transfer is done */
static size_t header_collect(char *ptr, size_t size, size_t nmemb,
                             void *userp)
{
  curlew_easy *h = userp;
  size_t len = size * nmemb;
  if(curlew_buf_append(&h->headers, ptr, len))
    return CURL_WRITEFUNC_ERROR;
  return len;
}

int curlew_easy_set_header_sink(curlew_easy *h, int enable)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  h->header_sink = enable ? 1 : 0;
  h->callbacks &= ~(1u << CURLEW_CB_HEADER);
  curl_easy_setopt(h->curl, CURLOPT_HEADERFUNCTION,
                   enable ? header_collect : NULL);
  curl_easy_setopt(h->curl, CURLOPT_HEADERDATA, enable ? (void *)h : NULL);
  return CURLE_OK;
}

int64_t curlew_easy_header_sink_size(curlew_easy *h)
{
  return h ? (int64_t)h->headers.len : 0;
}

const char *curlew_easy_header_sink_data(curlew_easy *h)
{
  return h ? h->headers.data : NULL;
}

static size_t upload_read(char *ptr, size_t size, size_t nmemb, void *userp)
{
  curlew_easy *h = userp;
  size_t room = size * nmemb;
  size_t left = h->upload_len - h->upload_pos;
  size_t n = left < room ? left : room;
  memcpy(ptr, h->upload + h->upload_pos, n);
  h->upload_pos += n;
  return n;
}

static int upload_seek(void *userp, curl_off_t offset, int origin)
{
  curlew_easy *h = userp;
  curl_off_t base = origin == SEEK_CUR ? (curl_off_t)h->upload_pos :
                    origin == SEEK_END ? (curl_off_t)h->upload_len : 0;
  if(base + offset < 0 || base + offset > (curl_off_t)h->upload_len)
    return CURL_SEEKFUNC_FAIL;
  h->upload_pos = (size_t)(base + offset);
  return CURL_SEEKFUNC_OK;
}

void curlew_easy_apply_upload(curlew_easy *h)
{
  curl_easy_setopt(h->curl, CURLOPT_READFUNCTION, upload_read);
  curl_easy_setopt(h->curl, CURLOPT_READDATA, (void *)h);
  curl_easy_setopt(h->curl, CURLOPT_SEEKFUNCTION, upload_seek);
  curl_easy_setopt(h->curl, CURLOPT_SEEKDATA, (void *)h);
  curl_easy_setopt(h->curl, CURLOPT_INFILESIZE_LARGE,
                   (curl_off_t)h->upload_len);
}

int curlew_easy_set_upload(curlew_easy *h, const char *data, size_t len)
{
  char *copy;
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  copy = malloc(len ? len : 1);
  if(!copy)
    return CURLEW_E_NOMEM;
  if(len)
    memcpy(copy, data, len);
  free(h->upload);
  h->upload = copy;
  h->upload_len = len;
  h->upload_pos = 0;
  h->callbacks &= ~((1u << CURLEW_CB_READ) | (1u << CURLEW_CB_SEEK));
  curlew_easy_apply_upload(h);
  return CURLE_OK;
}
