/***************************************************************************
 * curlew: the C shims that JavaCPP maps into io.curlew.raw.jni.CurlewNative.
 *
 * libcurl's variadic calls (curl_easy_setopt, curl_easy_getinfo, ...) cannot
 * be mapped safely, so each value type gets its own typed function here. The
 * easy, multi and share handles are wrapped in small context structs that
 * carry what the Java side needs: the callback dispatcher, the values libcurl
 * does not copy (slists, POSTFIELDS), an error buffer and native buffers.
 *
 * Every function returns the libcurl code of the call it wraps, or one of the
 * negative CURLEW_E_* codes below for what curlew itself refuses.
 ***************************************************************************/
#ifndef CURLEW_H
#define CURLEW_H

#include <stddef.h>
#include <stdint.h>
#include <jni.h>
#include <curl/curl.h>

#ifdef __cplusplus
extern "C" {
#endif

/* curlew's own refusals; never valid libcurl codes */
#define CURLEW_E_TYPE      (-2)  /* value of the wrong type for this option */
#define CURLEW_E_NOMEM     (-3)  /* out of memory in the shim */
#define CURLEW_E_STATE     (-4)  /* the call is not valid in this state */
#define CURLEW_E_RANGE     (-5)  /* size or index out of range */

/* which callback a trampoline serves; one bit each in a handle's mask */
enum curlew_cb {
  CURLEW_CB_WRITE,
  CURLEW_CB_READ,
  CURLEW_CB_HEADER,
  CURLEW_CB_XFERINFO,
  CURLEW_CB_DEBUG,
  CURLEW_CB_SEEK,
  CURLEW_CB_SOCKOPT,
  CURLEW_CB_OPENSOCKET,
  CURLEW_CB_CLOSESOCKET,
  CURLEW_CB_PREREQ,
  CURLEW_CB_RESOLVER_START,
  CURLEW_CB_TRAILER,
  CURLEW_CB_HSTSREAD,
  CURLEW_CB_HSTSWRITE,
  CURLEW_CB_CHUNK_BGN,
  CURLEW_CB_CHUNK_END,
  CURLEW_CB_FNMATCH,
  CURLEW_CB_INTERLEAVE,
  CURLEW_CB_SSL_CTX,
  CURLEW_CB_PROGRESS,
  CURLEW_CB_IOCTL,
  CURLEW_CB_COUNT
};

/* where the body of a response goes */
#define CURLEW_SINK_JAVA    0 /* the Java write callback (one upcall a chunk) */
#define CURLEW_SINK_BUFFER  1 /* a native buffer, read once when done */
#define CURLEW_SINK_DISCARD 2 /* dropped in C, counted only */

typedef struct curlew_easy curlew_easy;
typedef struct curlew_multi curlew_multi;
typedef struct curlew_share curlew_share;
typedef struct curlew_loop curlew_loop;

/* --- JNI binding (JavaCPP passes env and class through @Raw) -------------- */
/* caches the JavaVM and the upcall method IDs; 1 on success */
int curlew_jni_register(JNIEnv *env, jclass cls, jobject anchor);
/* binds a Java dispatcher to a context (kind 0 easy, 1 multi, 2 share);
   a null dispatch unbinds */
void curlew_jni_bind(JNIEnv *env, jclass cls, jobject dispatch, int kind,
                     intptr_t ctx);

/* JNI global references the shim holds now (for leak tests) */
long curlew_global_ref_count(void);

/* --- global --------------------------------------------------------------- */
int curlew_global_init(long flags);
void curlew_global_cleanup(void);
/* number of options in libcurl's table, or -1 before curlew_global_init */
int curlew_option_table_size(void);
/* the CURLOT_* type libcurl's table gives an option id, -1 when unknown */
int curlew_option_type_of(int opt);

/* --- easy ----------------------------------------------------------------- */
curlew_easy *curlew_easy_init(void);
curlew_easy *curlew_easy_duphandle(curlew_easy *h);
void curlew_easy_cleanup(curlew_easy *h);
void curlew_easy_reset(curlew_easy *h);
int curlew_easy_perform(curlew_easy *h);
CURL *curlew_easy_handle(curlew_easy *h);
/* the handle's error buffer (CURLOPT_ERRORBUFFER), "" when empty */
const char *curlew_easy_errbuf(curlew_easy *h);
int curlew_easy_callback_mask(curlew_easy *h);

int curlew_easy_setopt_long(curlew_easy *h, int opt, long value);
int curlew_easy_setopt_off(curlew_easy *h, int opt, int64_t value);
/* STRING options and POSTFIELDS/COPYPOSTFIELDS; value NULL resets */
int curlew_easy_setopt_str(curlew_easy *h, int opt, const char *value);
/* POSTFIELDS/COPYPOSTFIELDS with binary data; curlew keeps its own copy */
int curlew_easy_setopt_bytes(curlew_easy *h, int opt, const char *data,
                             size_t len);
/* BLOB options, always copied (CURL_BLOB_COPY); data NULL resets */
int curlew_easy_setopt_blob(curlew_easy *h, int opt, const char *data,
                            size_t len);
/* SLIST options: count NUL-terminated strings back to back in data; the
   shim builds and owns the list until the option is set again or the
   handle is reset or cleaned up. count 0 resets. */
int curlew_easy_setopt_slist(curlew_easy *h, int opt, const char *data,
                             int count);
/* OBJECT options that take a handle: SHARE (curlew_share*), CURLU (CURLU*),
   MIMEPOST (curl_mime*), STREAM_DEPENDS[_E] (curlew_easy*). NULL resets. */
int curlew_easy_setopt_handle(curlew_easy *h, int opt, void *obj);
/* FUNCTION options: enable installs curlew's trampoline (and points the
   matching *DATA option at the context), disable restores libcurl's
   default. */
int curlew_easy_setopt_callback(curlew_easy *h, int opt, int enable);
int curlew_easy_set_sink(curlew_easy *h, int sink, int64_t max_bytes);
/* body collected by CURLEW_SINK_BUFFER (or counted by DISCARD) */
int64_t curlew_easy_sink_size(curlew_easy *h);
const char *curlew_easy_sink_data(curlew_easy *h);
int curlew_easy_sink_overflowed(curlew_easy *h);
void curlew_easy_sink_clear(curlew_easy *h);
/* response headers collected natively (HEADERFUNCTION) for one hand-over */
int curlew_easy_set_header_sink(curlew_easy *h, int enable);
int64_t curlew_easy_header_sink_size(curlew_easy *h);
const char *curlew_easy_header_sink_data(curlew_easy *h);
/* upload from a native copy of data (READFUNCTION + SEEKFUNCTION +
   INFILESIZE_LARGE), so redirects and rewinds can resend it */
int curlew_easy_set_upload(curlew_easy *h, const char *data, size_t len);

int curlew_easy_getinfo_long(curlew_easy *h, int info, int64_t *out);
int curlew_easy_getinfo_off(curlew_easy *h, int info, int64_t *out);
int curlew_easy_getinfo_double(curlew_easy *h, int info, double *out);
/* string infos: *out is owned by libcurl, valid until the next transfer */
int curlew_easy_getinfo_string(curlew_easy *h, int info, intptr_t *out);
/* slist infos: *out must be freed with curl_slist_free_all, except for
   CERTINFO (a struct curl_certinfo* owned by the handle) */
int curlew_easy_getinfo_ptr(curlew_easy *h, int info, intptr_t *out);
int curlew_easy_getinfo_socket(curlew_easy *h, int info, int64_t *out);
/* CURLINFO_TLS_SSL_PTR / TLS_SESSION: out[0] backend, out[1] pointer */
int curlew_easy_getinfo_tls(curlew_easy *h, int info, int64_t *out);

int curlew_easy_pause(curlew_easy *h, int action);
int curlew_easy_upkeep(curlew_easy *h);
int curlew_easy_recv(curlew_easy *h, char *buf, size_t len, int64_t *n);
int curlew_easy_send(curlew_easy *h, const char *buf, size_t len,
                     int64_t *n);
/* curl_easy_escape/unescape: the result is curl_free()d by the caller */
char *curlew_easy_escape(curlew_easy *h, const char *s, int len);
char *curlew_easy_unescape(curlew_easy *h, const char *s, int len,
                           int *outlen);
/* header API: out[0] = struct curl_header* */
int curlew_easy_header(curlew_easy *h, const char *name, size_t index,
                       unsigned int origin, int request, intptr_t *out);
intptr_t curlew_easy_nextheader(curlew_easy *h, unsigned int origin,
                                int request, intptr_t prev);
int curlew_easy_ssls_import(curlew_easy *h, const char *session_key,
                            const char *shmac, size_t shmac_len,
                            const char *sdata, size_t sdata_len);
/* exports through the Java dispatcher's onSslsExport upcall */
int curlew_easy_ssls_export(curlew_easy *h);

/* WebSocket: meta[0..3] = flags, offset, bytesleft, len, all -1 when
   libcurl returned no frame information; curlew_ws_recv also writes the
   number of bytes received to meta[4] */
int curlew_ws_recv(curlew_easy *h, char *buf, size_t len, int64_t *meta);
int curlew_ws_send(curlew_easy *h, const char *buf, size_t len,
                   int64_t fragsize, int flags, int64_t *sent);
int curlew_ws_meta(curlew_easy *h, int64_t *meta);
int curlew_ws_start_frame(curlew_easy *h, int flags, int64_t frame_len);

/* --- multi ---------------------------------------------------------------- */
curlew_multi *curlew_multi_init(void);
int curlew_multi_cleanup(curlew_multi *m);
int curlew_multi_add_handle(curlew_multi *m, curlew_easy *h);
int curlew_multi_remove_handle(curlew_multi *m, curlew_easy *h);
int curlew_multi_perform(curlew_multi *m, int *running);
/* extra: nextra (fd, events) pairs; revents are written back into it */
int curlew_multi_poll(curlew_multi *m, int *extra, int nextra,
                      int timeout_ms, int *numfds);
int curlew_multi_wait(curlew_multi *m, int *extra, int nextra,
                      int timeout_ms, int *numfds);
int curlew_multi_wakeup(curlew_multi *m);
/* out[0] = msg, out[1] = curlew_easy* of the transfer, out[2] = result;
   returns the number of messages still queued, or -1 when there is none */
int curlew_multi_info_read(curlew_multi *m, int64_t *out);
int curlew_multi_setopt_long(curlew_multi *m, int opt, long value);
int curlew_multi_setopt_off(curlew_multi *m, int opt, int64_t value);
int curlew_multi_setopt_slist(curlew_multi *m, int opt, const char *data,
                              int count);
int curlew_multi_setopt_callback(curlew_multi *m, int opt, int enable);
int curlew_multi_socket_action(curlew_multi *m, int fd, int mask,
                               int *running);
int curlew_multi_assign(curlew_multi *m, int fd, int64_t id);
int curlew_multi_timeout(curlew_multi *m, int64_t *ms);
/* writes up to cap curlew_easy* into out; returns the total count */
int curlew_multi_get_handles(curlew_multi *m, int64_t *out, int cap);
int curlew_multi_get_offt(curlew_multi *m, int info, int64_t *out);
/* fills (fd, events) pairs; returns fd_count through *count */
int curlew_multi_waitfds(curlew_multi *m, int *out, int cap, int *count);
/* fd_set bytes for read, write, except; each fdset_bytes long */
int curlew_multi_fdset(curlew_multi *m, char *rd, char *wr, char *ex,
                       int *maxfd);
int curlew_fdset_bytes(void);
int curlew_multi_notify(curlew_multi *m, int notification, int enable);

/* --- share ---------------------------------------------------------------- */
curlew_share *curlew_share_init(void);
int curlew_share_cleanup(curlew_share *s);
int curlew_share_setopt_long(curlew_share *s, int opt, long value);
/* 1: lock through the Java dispatcher (raw curl_lock_function ports);
   0: native pthread mutexes (the default) */
int curlew_share_java_locks(curlew_share *s, int enable);

/* --- MIME ----------------------------------------------------------------- */
/* curl_mime_data_cb with curlew's trampolines; dispatch_id names the Java
   part source (MimeUpcalls) that serves read/seek/free */
int curlew_mime_data_cb(curl_mime *mime, curl_mimepart *part,
                        int64_t datasize, int64_t dispatch_id);
int curlew_mime_headers(curl_mimepart *part, const char *data, int count);

/* --- small accessors for libcurl structs ---------------------------------- */
const char *curlew_slist_data(intptr_t node);
intptr_t curlew_slist_next(intptr_t node);
struct curl_slist *curlew_slist_build(const char *data, int count);
int curlew_certinfo_count(intptr_t certinfo);
intptr_t curlew_certinfo_list(intptr_t certinfo, int i);
/* struct curl_header fields: out[0] name, [1] value, [2] amount,
   [3] index, [4] origin */
void curlew_header_fields(intptr_t header, int64_t *out);
/* struct curl_easyoption: out[0] name, [1] id, [2] type, [3] flags */
intptr_t curlew_option_next(intptr_t prev, int64_t *out);
intptr_t curlew_option_by_name(const char *name, int64_t *out);
intptr_t curlew_option_by_id(int id, int64_t *out);
/* curl_version_info_data fields, see VersionInfo.java for the order */
intptr_t curlew_version_info_field(int index);
int64_t curlew_version_info_number(int index);
/* struct curl_hstsentry access for the HSTS callbacks; curlew_hsts_get
   writes name, includeSubDomains, expire, index, total, namelen to out[0..5] */
int curlew_hsts_set(intptr_t entry, const char *name, int subdomains,
                    const char *expire);
void curlew_hsts_get(intptr_t entry, intptr_t index, int64_t *out);
/* strlen of a C string at an address, 0 for NULL */
size_t curlew_strlen(intptr_t s);
/* memory copies between native memory and Java arrays (at an offset into
   the array); the Java side checks every bound first */
void curlew_copy_out(intptr_t src, char *dst, size_t off, size_t len);
void curlew_copy_in(intptr_t dst, const char *src, size_t off, size_t len);
/* struct curl_sockaddr fields for OPENSOCKETFUNCTION:
   out[0] family, [1] socktype, [2] protocol, [3] addrlen; bytes of the
   address go to addr (up to 128) */
void curlew_sockaddr_fields(intptr_t sa, int64_t *out, char *addr);
int curlew_socket_open(int family, int socktype, int protocol);
/* select(2) over fd_set bytes (curlew_fdset_bytes() each, or NULL);
   timeout_ms < 0 waits without limit */
int curlew_select(int nfds, char *rd, char *wr, char *ex, long timeout_ms);
/* poll(2) of one socket: events 1 readable, 2 writable; > 0 ready, 0 timeout,
   -errno on error */
int curlew_wait_socket(int fd, int events, int timeout_ms);
int curlew_socket_close(int fd);

/* --- epoll and timerfd for ports of epoll-driven C programs --------------- */
int curlew_epoll_create(void);
/* returns 0 or -errno */
int curlew_epoll_ctl(int epfd, int op, int fd, int events);
/* writes up to max (<= 64) (fd, events) pairs; returns the count or -errno */
int curlew_epoll_wait(int epfd, int *pairs, int max, int timeout_ms);
int curlew_timerfd_create(void);
int curlew_timerfd_set(int fd, long ms);
int64_t curlew_timerfd_read(int fd);
int curlew_fd_close(int fd);

/* --- the event loop of io.curlew.async ------------------------------------ */
curlew_loop *curlew_loop_new(void);
void curlew_loop_free(curlew_loop *l);
curlew_multi *curlew_loop_multi(curlew_loop *l);
int curlew_loop_add(curlew_loop *l, curlew_easy *h);
int curlew_loop_remove(curlew_loop *l, curlew_easy *h);
/* Runs one iteration: waits up to max_wait_ms for socket events, timer
   expiry or a wakeup, drives libcurl, and writes finished transfers as
   (curlew_easy*, CURLcode) pairs into done (room for cap pairs). Returns
   the number of pairs written, or a negative error. */
int curlew_loop_run(curlew_loop *l, int max_wait_ms, int64_t *done, int cap);
/* the only call that is safe from any thread */
int curlew_loop_wakeup(curlew_loop *l);
int curlew_loop_running(curlew_loop *l);

#ifdef __cplusplus
}
#endif

#endif /* CURLEW_H */
