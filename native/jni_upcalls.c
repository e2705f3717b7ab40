/***************************************************************************
 * The JNI half of curlew's callbacks: caching the JavaVM and the upcall
 * method IDs, binding a Java dispatcher to a native context, and the
 * JNIEnv lookup every trampoline starts with.
 *
 * JavaCPP owns JNI_OnLoad in the same library, so nothing here defines it;
 * CurlewNative.curlew_jni_register() runs once from Java instead (JavaCPP
 * passes the JNIEnv through @Raw(withEnv = true)).
 ***************************************************************************/
#include <stdlib.h>
#include <string.h>
#include "curlew_int.h"

struct curlew_jni curlew_jni;

static volatile long global_refs;

void curlew_global_ref_added(void)
{
  __atomic_add_fetch(&global_refs, 1, __ATOMIC_RELAXED);
}

void curlew_global_ref_deleted(void)
{
  __atomic_sub_fetch(&global_refs, 1, __ATOMIC_RELAXED);
}

long curlew_global_ref_count(void)
{
  return __atomic_load_n(&global_refs, __ATOMIC_RELAXED);
}

static pthread_key_t attached_key;
static pthread_once_t attached_once = PTHREAD_ONCE_INIT;

static void detach_thread(void *unused)
{
  (void)unused;
  if(curlew_jni.vm)
    (*curlew_jni.vm)->DetachCurrentThread(curlew_jni.vm);
}

static void make_attached_key(void)
{
  pthread_key_create(&attached_key, detach_thread);
}

JNIEnv *curlew_env(void)
{
  JNIEnv *env = NULL;
  JavaVM *vm = curlew_jni.vm;
  jint rc;
  if(!vm)
    return NULL;
  rc = (*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8);
  if(rc == JNI_OK)
    return env;
  if(rc != JNI_EDETACHED)
    return NULL;
  /* A thread libcurl made itself: attach once, detach when it ends. */
  if((*vm)->AttachCurrentThreadAsDaemon(vm, (void **)&env, NULL) != JNI_OK)
    return NULL;
  pthread_once(&attached_once, make_attached_key);
  pthread_setspecific(attached_key, env);
  return env;
}

int curlew_upcall_failed(JNIEnv *env, jobject dispatch, jmethodID fail)
{
  jthrowable t;
  if(!(*env)->ExceptionCheck(env))
    return 0;
  t = (*env)->ExceptionOccurred(env);
  (*env)->ExceptionClear(env);
  if(dispatch && fail) {
    (*env)->CallVoidMethod(env, dispatch, fail, t);
    if((*env)->ExceptionCheck(env))
      (*env)->ExceptionClear(env);
  }
  (*env)->DeleteLocalRef(env, t);
  return 1;
}

static jmethodID method(JNIEnv *env, jclass c, const char *name,
                        const char *sig, int *ok)
{
  jmethodID id = (*env)->GetMethodID(env, c, name, sig);
  if(!id)
    *ok = 0;
  return id;
}

static jclass find(JNIEnv *env, const char *name, int *ok)
{
  jclass c = (*env)->FindClass(env, name);
  if(!c)
    *ok = 0;
  return c;
}

#define EASY "io/curlew/raw/jni/EasyUpcalls"
#define MULTI "io/curlew/raw/jni/MultiUpcalls"
#define SHARE "io/curlew/raw/jni/ShareUpcalls"
#define MIME "io/curlew/raw/jni/MimeUpcalls"

int curlew_jni_register(JNIEnv *env, jclass unused, jobject anchor)
{
  int ok = 1;
  jclass e, m, s, mi;
  (void)unused;
  (void)anchor;
  if((*env)->GetJavaVM(env, &curlew_jni.vm) != JNI_OK)
    return 0;

  e = find(env, EASY, &ok);
  if(!ok)
    return 0;
  curlew_jni.easy_write = method(env, e, "onWrite", "(JJ)J", &ok);
  curlew_jni.easy_read = method(env, e, "onRead", "(JJ)J", &ok);
  curlew_jni.easy_header = method(env, e, "onHeader", "(JJ)J", &ok);
  curlew_jni.easy_xferinfo = method(env, e, "onXferinfo", "(JJJJ)I", &ok);
  curlew_jni.easy_progress = method(env, e, "onProgress", "(DDDD)I", &ok);
  curlew_jni.easy_debug = method(env, e, "onDebug", "(IJJ)I", &ok);
  curlew_jni.easy_seek = method(env, e, "onSeek", "(JI)I", &ok);
  curlew_jni.easy_sockopt = method(env, e, "onSockopt", "(II)I", &ok);
  curlew_jni.easy_opensocket = method(env, e, "onOpenSocket", "(IJ)I", &ok);
  curlew_jni.easy_closesocket = method(env, e, "onCloseSocket", "(I)I", &ok);
  curlew_jni.easy_prereq = method(env, e, "onPrereq", "(JJII)I", &ok);
  curlew_jni.easy_resolver_start = method(env, e, "onResolverStart", "(J)I",
                                          &ok);
  curlew_jni.easy_trailer = method(env, e, "onTrailer", "()J", &ok);
  curlew_jni.easy_hsts_read = method(env, e, "onHstsRead", "(J)I", &ok);
  curlew_jni.easy_hsts_write = method(env, e, "onHstsWrite", "(JJ)I", &ok);
  curlew_jni.easy_chunk_bgn = method(env, e, "onChunkBegin", "(JI)J", &ok);
  curlew_jni.easy_chunk_end = method(env, e, "onChunkEnd", "()J", &ok);
  curlew_jni.easy_fnmatch = method(env, e, "onFnmatch", "(JJ)I", &ok);
  curlew_jni.easy_interleave = method(env, e, "onInterleave", "(JJ)J", &ok);
  curlew_jni.easy_ssl_ctx = method(env, e, "onSslCtx", "(J)I", &ok);
  curlew_jni.easy_ioctl = method(env, e, "onIoctl", "(I)I", &ok);
  curlew_jni.easy_ssls_export = method(env, e, "onSslsExport",
                                       "(JJJJJJJIJ)I", &ok);
  curlew_jni.easy_fail = method(env, e, "onFailure",
                                "(Ljava/lang/Throwable;)V", &ok);
  (*env)->DeleteLocalRef(env, e);

  m = find(env, MULTI, &ok);
  if(!ok)
    return 0;
  curlew_jni.multi_socket = method(env, m, "onSocket", "(JIIJ)I", &ok);
  curlew_jni.multi_timer = method(env, m, "onTimer", "(J)I", &ok);
  curlew_jni.multi_push = method(env, m, "onPush", "(JJJJ)I", &ok);
  curlew_jni.multi_notify = method(env, m, "onNotify", "(IJ)V", &ok);
  curlew_jni.multi_fail = method(env, m, "onFailure",
                                 "(Ljava/lang/Throwable;)V", &ok);
  (*env)->DeleteLocalRef(env, m);

  s = find(env, SHARE, &ok);
  if(!ok)
    return 0;
  curlew_jni.share_lock = method(env, s, "onLock", "(JII)V", &ok);
  curlew_jni.share_unlock = method(env, s, "onUnlock", "(JI)V", &ok);
  curlew_jni.share_fail = method(env, s, "onFailure",
                                 "(Ljava/lang/Throwable;)V", &ok);
  (*env)->DeleteLocalRef(env, s);

  mi = find(env, MIME, &ok);
  if(!ok)
    return 0;
  curlew_jni.mime_class = (*env)->NewGlobalRef(env, mi);
  curlew_jni.mime_read = (*env)->GetStaticMethodID(env, mi, "onRead",
                                                   "(JJJ)J");
  curlew_jni.mime_seek = (*env)->GetStaticMethodID(env, mi, "onSeek",
                                                   "(JJI)I");
  curlew_jni.mime_free = (*env)->GetStaticMethodID(env, mi, "onFree",
                                                   "(J)V");
  (*env)->DeleteLocalRef(env, mi);
  if(!curlew_jni.mime_read || !curlew_jni.mime_seek || !curlew_jni.mime_free)
    ok = 0;
  return ok;
}

static void rebind(JNIEnv *env, jobject *slot, jobject dispatch)
{
  if(*slot) {
    (*env)->DeleteGlobalRef(env, *slot);
    curlew_global_ref_deleted();
    *slot = NULL;
  }
  if(dispatch) {
    *slot = (*env)->NewGlobalRef(env, dispatch);
    if(*slot)
      curlew_global_ref_added();
  }
}

void curlew_jni_bind(JNIEnv *env, jclass unused, jobject dispatch, int kind,
                     intptr_t ctx)
{
  (void)unused;
  if(!ctx)
    return;
  switch(kind) {
  case 0:
    rebind(env, &((curlew_easy *)ctx)->dispatch, dispatch);
    break;
  case 1:
    rebind(env, &((curlew_multi *)ctx)->dispatch, dispatch);
    break;
  case 2:
    rebind(env, &((curlew_share *)ctx)->dispatch, dispatch);
    break;
  default:
    break;
  }
}
