/***************************************************************************
 * Share handles. Locking is native by default: one pthread mutex per
 * curl_lock_data, no upcall per lock. Ports of C programs that install
 * their own lock functions can switch to Java locking (java_locks), which
 * calls the ShareUpcalls dispatcher instead.
 ***************************************************************************/
#include <stdlib.h>
#include "curlew_int.h"

static void native_lock(CURL *easy, curl_lock_data data,
                        curl_lock_access access, void *userp)
{
  curlew_share *s = userp;
  (void)easy;
  (void)access;
  if(data >= 0 && data < CURL_LOCK_DATA_LAST)
    pthread_mutex_lock(&s->locks[data]);
}

static void native_unlock(CURL *easy, curl_lock_data data, void *userp)
{
  curlew_share *s = userp;
  (void)easy;
  if(data >= 0 && data < CURL_LOCK_DATA_LAST)
    pthread_mutex_unlock(&s->locks[data]);
}

static void java_lock(CURL *easy, curl_lock_data data,
                      curl_lock_access access, void *userp)
{
  curlew_share *s = userp;
  JNIEnv *env = curlew_env();
  if(!env || !s->dispatch)
    return;
  (*env)->CallVoidMethod(env, s->dispatch, curlew_jni.share_lock,
                         (jlong)(intptr_t)curlew_easy_of(easy), (jint)data,
                         (jint)access);
  curlew_upcall_failed(env, s->dispatch, curlew_jni.share_fail);
}

static void java_unlock(CURL *easy, curl_lock_data data, void *userp)
{
  curlew_share *s = userp;
  JNIEnv *env = curlew_env();
  if(!env || !s->dispatch)
    return;
  (*env)->CallVoidMethod(env, s->dispatch, curlew_jni.share_unlock,
                         (jlong)(intptr_t)curlew_easy_of(easy), (jint)data);
  curlew_upcall_failed(env, s->dispatch, curlew_jni.share_fail);
}

static void install_locks(curlew_share *s)
{
  curl_share_setopt(s->share, CURLSHOPT_LOCKFUNC,
                    s->java_locks ? java_lock : native_lock);
  curl_share_setopt(s->share, CURLSHOPT_UNLOCKFUNC,
                    s->java_locks ? java_unlock : native_unlock);
  curl_share_setopt(s->share, CURLSHOPT_USERDATA, (void *)s);
}

curlew_share *curlew_share_init(void)
{
  curlew_share *s = calloc(1, sizeof(*s));
  int i;
  if(!s)
    return NULL;
  s->share = curl_share_init();
  if(!s->share) {
    free(s);
    return NULL;
  }
  for(i = 0; i < CURL_LOCK_DATA_LAST; i++)
    pthread_mutex_init(&s->locks[i], NULL);
  install_locks(s);
  return s;
}

int curlew_share_cleanup(curlew_share *s)
{
  CURLSHcode rc;
  JNIEnv *env;
  int i;
  if(!s)
    return CURLSHE_INVALID;
  rc = curl_share_cleanup(s->share);
  if(rc != CURLSHE_OK)
    return (int)rc; /* still in use: nothing was freed */
  for(i = 0; i < CURL_LOCK_DATA_LAST; i++)
    pthread_mutex_destroy(&s->locks[i]);
  if(s->dispatch) {
    env = curlew_env();
    if(env) {
      (*env)->DeleteGlobalRef(env, s->dispatch);
      curlew_global_ref_deleted();
    }
  }
  free(s);
  return CURLSHE_OK;
}

int curlew_share_setopt_long(curlew_share *s, int opt, long value)
{
  if(!s)
    return CURLSHE_INVALID;
  if(opt != CURLSHOPT_SHARE && opt != CURLSHOPT_UNSHARE)
    return CURLEW_E_TYPE;
  return (int)curl_share_setopt(s->share, (CURLSHoption)opt, value);
}

int curlew_share_java_locks(curlew_share *s, int enable)
{
  if(!s)
    return CURLSHE_INVALID;
  s->java_locks = enable ? 1 : 0;
  install_locks(s);
  return CURLSHE_OK;
}
