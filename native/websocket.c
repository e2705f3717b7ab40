/***************************************************************************
 * WebSocket calls (curl_ws_*), with frame metadata copied out as numbers.
 ***************************************************************************/
#include "curlew_int.h"

static void meta_out(const struct curl_ws_frame *f, int64_t *meta)
{
  if(!meta)
    return;
  meta[0] = f ? f->flags : -1;
  meta[1] = f ? (int64_t)f->offset : -1;
  meta[2] = f ? (int64_t)f->bytesleft : -1;
  meta[3] = f ? (int64_t)f->len : -1;
}

int curlew_ws_recv(curlew_easy *h, char *buf, size_t len, int64_t *meta)
{
  size_t got = 0;
  const struct curl_ws_frame *f = NULL;
  CURLcode rc;
  if(!h || !buf)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  rc = curl_ws_recv(h->curl, buf, len, &got, &f);
  meta_out(rc == CURLE_OK ? f : NULL, meta);
  if(meta)
    meta[4] = (int64_t)got;
  return (int)rc;
}

int curlew_ws_send(curlew_easy *h, const char *buf, size_t len,
                   int64_t fragsize, int flags, int64_t *sent)
{
  size_t n = 0;
  CURLcode rc;
  if(!h || (!buf && len))
    return CURLE_BAD_FUNCTION_ARGUMENT;
  rc = curl_ws_send(h->curl, buf ? buf : "", len, &n, (curl_off_t)fragsize,
                    (unsigned int)flags);
  if(sent)
    *sent = (int64_t)n;
  return (int)rc;
}

int curlew_ws_meta(curlew_easy *h, int64_t *meta)
{
  const struct curl_ws_frame *f;
  if(!h)
    return 0;
  f = curl_ws_meta(h->curl);
  meta_out(f, meta);
  return f != NULL;
}

int curlew_ws_start_frame(curlew_easy *h, int flags, int64_t frame_len)
{
  if(!h)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  return (int)curl_ws_start_frame(h->curl, (unsigned int)flags,
                                  (curl_off_t)frame_len);
}
