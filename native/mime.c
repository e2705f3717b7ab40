/***************************************************************************
 * MIME parts whose data comes from Java (curl_mime_data_cb).
 *
 * The part's callback argument is an id into MimeUpcalls' table rather than
 * a global ref: libcurl calls the free callback when the part goes away, and
 * that is where the Java side forgets the source.
 ***************************************************************************/
#include <stdint.h>
#include "curlew_int.h"

static size_t mime_read(char *buffer, size_t size, size_t nitems, void *arg)
{
  JNIEnv *env = curlew_env();
  jlong rc;
  if(!env)
    return CURL_READFUNC_ABORT;
  rc = (*env)->CallStaticLongMethod(env, curlew_jni.mime_class,
                                    curlew_jni.mime_read,
                                    (jlong)(intptr_t)arg,
                                    (jlong)(intptr_t)buffer,
                                    (jlong)(size * nitems));
  if(curlew_upcall_failed(env, NULL, NULL))
    return CURL_READFUNC_ABORT;
  return (size_t)rc;
}

static int mime_seek(void *arg, curl_off_t offset, int origin)
{
  JNIEnv *env = curlew_env();
  jint rc;
  if(!env)
    return CURL_SEEKFUNC_FAIL;
  rc = (*env)->CallStaticIntMethod(env, curlew_jni.mime_class,
                                   curlew_jni.mime_seek,
                                   (jlong)(intptr_t)arg, (jlong)offset,
                                   (jint)origin);
  if(curlew_upcall_failed(env, NULL, NULL))
    return CURL_SEEKFUNC_FAIL;
  return rc;
}

static void mime_free(void *arg)
{
  JNIEnv *env = curlew_env();
  if(!env)
    return;
  (*env)->CallStaticVoidMethod(env, curlew_jni.mime_class,
                               curlew_jni.mime_free, (jlong)(intptr_t)arg);
  curlew_upcall_failed(env, NULL, NULL);
}

int curlew_mime_data_cb(curl_mime *mime, curl_mimepart *part,
                        int64_t datasize, int64_t dispatch_id)
{
  (void)mime;
  if(!part)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  return (int)curl_mime_data_cb(part, (curl_off_t)datasize, mime_read,
                                mime_seek, mime_free,
                                (void *)(intptr_t)dispatch_id);
}

int curlew_mime_headers(curl_mimepart *part, const char *data, int count)
{
  struct curl_slist *list = NULL;
  CURLcode rc;
  if(!part)
    return CURLE_BAD_FUNCTION_ARGUMENT;
  if(count > 0) {
    list = curlew_slist_build(data, count);
    if(!list)
      return CURLEW_E_NOMEM;
  }
  /* take_ownership = 1: libcurl frees the list with the part */
  rc = curl_mime_headers(part, list, 1);
  if(rc != CURLE_OK)
    curl_slist_free_all(list);
  return (int)rc;
}
