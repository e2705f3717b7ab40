package io.curlew.raw;

import io.curlew.raw.jni.MimeUpcalls;

/** The Java data of one MIME part set with {@link LibCurl#curl_mime_data_cb}. */
final class MimeSource implements MimeUpcalls.Source {

  private final curl_read_callback read;
  private final curl_seek_callback seek;
  private final curl_free_callback free;
  private final Object arg;
  private final CurlBuffer view = new CurlBuffer();

  MimeSource(curl_read_callback read, curl_seek_callback seek, curl_free_callback free,
      Object arg) {
    this.read = read;
    this.seek = seek;
    this.free = free;
    this.arg = arg;
  }

  @Override
  public long read(long ptr, long len) {
    try {
      return read == null ? 0 : read.call(view.point(ptr, len), 1, len, arg);
    } catch (Throwable t) {
      CallbackFailures.record(t);
      return EasyDispatch.READFUNC_ABORT;
    } finally {
      view.clear();
    }
  }

  @Override
  public int seek(long offset, int origin) {
    try {
      return seek == null ? 2 : seek.call(arg, offset, origin); // CURL_SEEKFUNC_CANTSEEK
    } catch (Throwable t) {
      CallbackFailures.record(t);
      return 1; // CURL_SEEKFUNC_FAIL
    }
  }

  @Override
  public void free() {
    try {
      if (free != null) {
        free.call(arg);
      }
    } catch (Throwable t) {
      CallbackFailures.record(t);
    }
  }
}
