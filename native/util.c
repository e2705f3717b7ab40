/***************************************************************************
 * Small helpers: buffers, kept slists, and accessors for libcurl structs
 * that Java reads field by field.
 ***************************************************************************/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include "curlew_int.h"

int curlew_buf_append(struct curlew_buf *b, const char *data, size_t len)
{
  if(b->len + len > b->cap) {
    size_t cap = b->cap ? b->cap : 1024;
    char *p;
    while(cap < b->len + len)
      cap *= 2;
    p = realloc(b->data, cap);
    if(!p)
      return 1;
    b->data = p;
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
  return 0;
}

void curlew_buf_free(struct curlew_buf *b)
{
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

struct curl_slist *curlew_slist_build(const char *data, int count)
{
  struct curl_slist *list = NULL;
  int i;
  if(!data || count <= 0)
    return NULL;
  for(i = 0; i < count; i++) {
    struct curl_slist *n = curl_slist_append(list, data);
    if(!n) {
      curl_slist_free_all(list);
      return NULL;
    }
    list = n;
    data += strlen(data) + 1;
  }
  return list;
}

void curlew_slists_free(struct curlew_kept_slist **head)
{
  struct curlew_kept_slist *k = *head;
  while(k) {
    struct curlew_kept_slist *next = k->next;
    curl_slist_free_all(k->list);
    free(k);
    k = next;
  }
  *head = NULL;
}

int curlew_slists_keep(struct curlew_kept_slist **head, int opt,
                       struct curl_slist *list)
{
  struct curlew_kept_slist *k;
  for(k = *head; k; k = k->next) {
    if(k->opt == opt) {
      curl_slist_free_all(k->list);
      k->list = list;
      return 0;
    }
  }
  k = malloc(sizeof(*k));
  if(!k)
    return 1;
  k->opt = opt;
  k->list = list;
  k->next = *head;
  *head = k;
  return 0;
}

/* Deep copy, for duphandle. The copies are not set on any handle yet: the
   caller sets each on the new handle. */
int curlew_slists_copy(struct curlew_kept_slist **dst,
                       const struct curlew_kept_slist *src)
{
  for(; src; src = src->next) {
    struct curl_slist *copy = NULL, *n;
    for(n = src->list; n; n = n->next) {
      struct curl_slist *c = curl_slist_append(copy, n->data);
      if(!c) {
        curl_slist_free_all(copy);
        return 1;
      }
      copy = c;
    }
    if(curlew_slists_keep(dst, src->opt, copy)) {
      curl_slist_free_all(copy);
      return 1;
    }
  }
  return 0;
}

const char *curlew_slist_data(intptr_t node)
{
  return node ? ((struct curl_slist *)node)->data : NULL;
}

intptr_t curlew_slist_next(intptr_t node)
{
  return node ? (intptr_t)((struct curl_slist *)node)->next : 0;
}

int curlew_certinfo_count(intptr_t certinfo)
{
  return certinfo ? ((struct curl_certinfo *)certinfo)->num_of_certs : 0;
}

intptr_t curlew_certinfo_list(intptr_t certinfo, int i)
{
  struct curl_certinfo *ci = (struct curl_certinfo *)certinfo;
  if(!ci || i < 0 || i >= ci->num_of_certs)
    return 0;
  return (intptr_t)ci->certinfo[i];
}

void curlew_header_fields(intptr_t header, int64_t *out)
{
  struct curl_header *h = (struct curl_header *)header;
  if(!h || !out)
    return;
  out[0] = (int64_t)(intptr_t)h->name;
  out[1] = (int64_t)(intptr_t)h->value;
  out[2] = (int64_t)h->amount;
  out[3] = (int64_t)h->index;
  out[4] = (int64_t)h->origin;
}

int curlew_hsts_set(intptr_t entry, const char *name, int subdomains,
                    const char *expire)
{
  struct curl_hstsentry *e = (struct curl_hstsentry *)entry;
  size_t n;
  if(!e || !name)
    return CURLEW_E_STATE;
  n = strlen(name);
  /* libcurl hands over a buffer of namelen bytes for the name */
  if(n >= e->namelen)
    return CURLEW_E_RANGE;
  memcpy(e->name, name, n + 1);
  e->includeSubDomains = subdomains ? 1 : 0;
  if(expire) {
    if(strlen(expire) >= sizeof(e->expire))
      return CURLEW_E_RANGE;
    strcpy(e->expire, expire);
  }
  else
    e->expire[0] = 0;
  return 0;
}

void curlew_hsts_get(intptr_t entry, intptr_t index, int64_t *out)
{
  struct curl_hstsentry *e = (struct curl_hstsentry *)entry;
  struct curl_index *i = (struct curl_index *)index;
  if(!out)
    return;
  out[0] = e ? (int64_t)(intptr_t)e->name : 0;
  out[1] = e ? (int64_t)e->includeSubDomains : 0;
  out[2] = e ? (int64_t)(intptr_t)e->expire : 0;
  out[3] = i ? (int64_t)i->index : 0;
  out[4] = i ? (int64_t)i->total : 0;
  out[5] = e ? (int64_t)e->namelen : 0;
}

size_t curlew_strlen(intptr_t s)
{
  return s ? strlen((const char *)s) : 0;
}

void curlew_copy_out(intptr_t src, char *dst, size_t off, size_t len)
{
  if(src && dst && len)
    memcpy(dst + off, (const void *)src, len);
}

void curlew_copy_in(intptr_t dst, const char *src, size_t off, size_t len)
{
  if(dst && src && len)
    memcpy((void *)dst, src + off, len);
}

void curlew_sockaddr_fields(intptr_t sa, int64_t *out, char *addr)
{
  struct curl_sockaddr *a = (struct curl_sockaddr *)sa;
  unsigned int n;
  if(!a || !out)
    return;
  out[0] = a->family;
  out[1] = a->socktype;
  out[2] = a->protocol;
  out[3] = a->addrlen;
  n = a->addrlen < 128 ? a->addrlen : 128;
  if(addr)
    memcpy(addr, &a->addr, n);
}

int curlew_socket_open(int family, int socktype, int protocol)
{
  return socket(family, socktype | SOCK_CLOEXEC, protocol);
}

int curlew_socket_close(int fd)
{
  return close(fd);
}

/* select(2) over fd_set bytes, for ports of programs that wait with it */
int curlew_select(int nfds, char *rd, char *wr, char *ex, long timeout_ms)
{
  struct timeval tv;
  tv.tv_sec = timeout_ms / 1000;
  tv.tv_usec = (timeout_ms % 1000) * 1000;
  return select(nfds, (fd_set *)rd, (fd_set *)wr, (fd_set *)ex,
                timeout_ms < 0 ? NULL : &tv);
}

/* waits until a socket is readable (events 1), writable (2) or either (3);
   returns > 0 when ready, 0 on timeout, -errno on error */
int curlew_wait_socket(int fd, int events, int timeout_ms)
{
  struct pollfd p;
  int rc;
  p.fd = fd;
  p.events = (short)(((events & 1) ? POLLIN : 0) | ((events & 2) ? POLLOUT : 0));
  p.revents = 0;
  rc = poll(&p, 1, timeout_ms);
  if(rc < 0)
    return errno == EINTR ? 0 : -errno;
  return rc;
}
