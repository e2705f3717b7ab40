/***************************************************************************
 * curlew internals shared by the shim's source files. Not mapped to Java.
 ***************************************************************************/
#ifndef CURLEW_INT_H
#define CURLEW_INT_H

#include <jni.h>
#include <pthread.h>
#include "curlew.h"

#define CURLEW_HIDDEN __attribute__((visibility("hidden")))

/* a growable byte buffer owned by C */
struct curlew_buf {
  char *data;
  size_t len;
  size_t cap;
};

/* one slist kept alive for an option, in a small singly linked list */
struct curlew_kept_slist {
  int opt;
  struct curl_slist *list;
  struct curlew_kept_slist *next;
};

struct curlew_easy {
  CURL *curl;
  jobject dispatch;           /* global ref to an EasyUpcalls, or NULL */
  unsigned int callbacks;     /* bit (1 << enum curlew_cb) per trampoline */
  struct curlew_kept_slist *slists;
  char *postfields;           /* our copy of POSTFIELDS */
  size_t postfields_len;
  curl_off_t postfieldsize;   /* -1 until POSTFIELDSIZE[_LARGE] is set */
  /* body sink */
  int sink;
  int sink_overflow;
  curl_off_t sink_max;        /* < 0: unlimited */
  curl_off_t sink_count;
  struct curlew_buf body;
  /* response headers collected natively */
  int header_sink;
  struct curlew_buf headers;
  /* upload from a native copy */
  char *upload;
  size_t upload_len;
  size_t upload_pos;
  /* bookkeeping for the async loop */
  curlew_loop *loop;
  char errbuf[CURL_ERROR_SIZE];
};

struct curlew_multi {
  CURLM *multi;
  jobject dispatch;           /* global ref to a MultiUpcalls, or NULL */
  unsigned int callbacks;
  struct curlew_kept_slist *slists;
};

struct curlew_share {
  CURLSH *share;
  jobject dispatch;           /* global ref to a ShareUpcalls, or NULL */
  int java_locks;
  pthread_mutex_t locks[CURL_LOCK_DATA_LAST];
};

/* JNI state cached once by Upcalls.register() */
struct curlew_jni {
  JavaVM *vm;
  /* EasyUpcalls */
  jmethodID easy_write, easy_read, easy_header, easy_xferinfo, easy_progress,
    easy_debug, easy_seek, easy_sockopt, easy_opensocket, easy_closesocket,
    easy_prereq, easy_resolver_start, easy_trailer, easy_hsts_read,
    easy_hsts_write, easy_chunk_bgn, easy_chunk_end, easy_fnmatch,
    easy_interleave, easy_ssl_ctx, easy_ioctl, easy_ssls_export,
    easy_fail;
  /* MultiUpcalls */
  jmethodID multi_socket, multi_timer, multi_push, multi_notify, multi_fail;
  /* ShareUpcalls */
  jmethodID share_lock, share_unlock, share_fail;
  /* MimeUpcalls (static) */
  jclass mime_class;
  jmethodID mime_read, mime_seek, mime_free;
};

extern struct curlew_jni curlew_jni CURLEW_HIDDEN;

/* JNI global references the shim holds now (for leak tests) */
void curlew_global_ref_added(void) CURLEW_HIDDEN;
void curlew_global_ref_deleted(void) CURLEW_HIDDEN;

/* the calling thread's JNIEnv, attaching a thread libcurl made itself */
JNIEnv *curlew_env(void) CURLEW_HIDDEN;
/* after an upcall: if a Java exception escaped the dispatcher, clears it,
   hands it to the dispatcher's fail method and returns 1 */
int curlew_upcall_failed(JNIEnv *env, jobject dispatch, jmethodID fail)
  CURLEW_HIDDEN;

/* option types from libcurl's own table (CURLOT_*), -1 when unknown */
int curlew_option_type(int opt) CURLEW_HIDDEN;

void curlew_slists_free(struct curlew_kept_slist **head) CURLEW_HIDDEN;
int curlew_slists_keep(struct curlew_kept_slist **head, int opt,
                       struct curl_slist *list) CURLEW_HIDDEN;
int curlew_slists_copy(struct curlew_kept_slist **dst,
                       const struct curlew_kept_slist *src) CURLEW_HIDDEN;

int curlew_buf_append(struct curlew_buf *b, const char *data, size_t len)
  CURLEW_HIDDEN;
void curlew_buf_free(struct curlew_buf *b) CURLEW_HIDDEN;

/* installs or removes one easy trampoline (easy_callbacks.c) */
int curlew_easy_install(curlew_easy *h, enum curlew_cb cb, int enable)
  CURLEW_HIDDEN;
enum curlew_cb curlew_easy_cb_of(int opt) CURLEW_HIDDEN;
/* points every installed trampoline's *DATA at h (after duphandle) */
void curlew_easy_rebind(curlew_easy *h) CURLEW_HIDDEN;
/* the body sink trampolines (easy_sink.c) */
void curlew_easy_apply_sink(curlew_easy *h) CURLEW_HIDDEN;
/* clears what the sinks hold from the previous transfer */
void curlew_easy_sinks_start(curlew_easy *h) CURLEW_HIDDEN;
void curlew_easy_apply_upload(curlew_easy *h) CURLEW_HIDDEN;

curlew_easy *curlew_easy_adopt(CURL *curl, curlew_easy *parent) CURLEW_HIDDEN;
void curlew_easy_forget(curlew_easy *h) CURLEW_HIDDEN;

/* the curlew_easy of a CURL*, via CURLINFO_PRIVATE; NULL for handles
   libcurl made itself */
curlew_easy *curlew_easy_of(CURL *curl) CURLEW_HIDDEN;

#endif /* CURLEW_INT_H */
