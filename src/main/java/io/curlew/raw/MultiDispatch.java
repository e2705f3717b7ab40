package io.curlew.raw;

import io.curlew.raw.jni.MultiUpcalls;

/**
 * The Java end of one multi handle's callbacks (socket, timer, push, notify). Like
 * {@link EasyDispatch} it never lets an exception escape into libcurl. Easy handles are
 * found by their context address among the ones the application added; a handle libcurl
 * made itself arrives as null.
 */
final class MultiDispatch extends MultiUpcalls {

  private final CURLM multi;

  curl_socket_callback socket;
  curl_multi_timer_callback timer;
  curl_push_callback push;
  curl_notify_callback notify;
  Object socketData;
  Object timerData;
  Object pushData;
  Object notifyData;

  MultiDispatch(CURLM multi) {
    this.multi = multi;
  }

  @Override
  public void onFailure(Throwable t) {
    CallbackFailures.record(t);
  }

  @Override
  public int onSocket(long easy, int fd, int what, long socketp) {
    try {
      Object assigned = socketp == 0 ? null : multi.assigned.get(socketp);
      int rc = socket == null ? 0 : socket.call(multi.easies.get(easy), fd, what, socketData,
          assigned);
      if (what == LibCurlConstants.CURL_POLL_REMOVE && socketp != 0) {
        multi.assigned.remove(socketp); // libcurl forgets the assignment with the socket
      }
      return rc;
    } catch (Throwable t) {
      CallbackFailures.record(t);
      return -1;
    }
  }

  @Override
  public int onTimer(long timeoutMs) {
    try {
      return timer == null ? 0 : timer.call(multi, timeoutMs, timerData);
    } catch (Throwable t) {
      CallbackFailures.record(t);
      return -1;
    }
  }

  @Override
  public int onPush(long parent, long child, long numHeaders, long headers) {
    CURL pushed = LibCurlEasy.adopt(child, multi.easies.get(parent));
    curl_pushheaders h = new curl_pushheaders(headers);
    try {
      int rc = push == null ? 1 : push.call(multi.easies.get(parent), pushed, numHeaders, h,
          pushData);
      if (rc == 0) {
        // libcurl adds the accepted transfer to this multi handle itself
        multi.easies.put(child, pushed);
        pushed.multi = multi;
        pushed.setParent(multi);
      } else {
        LibCurlEasy.forget(pushed); // libcurl frees the handle; the context goes with it
      }
      return rc;
    } catch (Throwable t) {
      CallbackFailures.record(t);
      LibCurlEasy.forget(pushed);
      return 1; // CURL_PUSH_DENY
    } finally {
      h.address = 0;
    }
  }

  @Override
  public void onNotify(int notification, long easy) {
    try {
      if (notify != null) {
        notify.call(multi, notification, multi.easies.get(easy), notifyData);
      }
    } catch (Throwable t) {
      CallbackFailures.record(t);
    }
  }
}
