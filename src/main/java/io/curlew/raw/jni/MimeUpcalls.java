package io.curlew.raw.jni;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data of MIME parts that come from Java ({@code curl_mime_data_cb}). libcurl keeps an
 * id for each part; these static methods, called by the C trampolines, find the part's
 * {@link Source} by it. libcurl's free callback removes the entry, so a part freed with
 * its MIME structure leaves nothing behind.
 */
public final class MimeUpcalls {

  /** The Java side of one part's data. */
  public interface Source {
    /**
     * @param ptr native buffer
     * @param len its size
     * @return bytes written, 0 at the end, or CURL_READFUNC_ABORT / _PAUSE
     */
    long read(long ptr, long len);

    /**
     * @param offset where
     * @param origin SEEK_SET, SEEK_CUR or SEEK_END
     * @return CURL_SEEKFUNC_*
     */
    int seek(long offset, int origin);

    /** libcurl is done with the part. */
    void free();
  }

  private static final ConcurrentHashMap<Long, Source> SOURCES = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong(1);

  private MimeUpcalls() {
  }

  /**
   * @param source a part's data
   * @return its id for curlew_mime_data_cb
   */
  public static long register(Source source) {
    long id = NEXT.getAndIncrement();
    SOURCES.put(id, source);
    return id;
  }

  /** @param id an id whose registration failed in libcurl */
  public static void unregister(long id) {
    SOURCES.remove(id);
  }

  /** @return how many part sources libcurl still holds (for leak tests) */
  public static int live() {
    return SOURCES.size();
  }

  static long onRead(long id, long ptr, long len) {
    Source s = SOURCES.get(id);
    return s == null ? 0x10000000L : s.read(ptr, len); // CURL_READFUNC_ABORT
  }

  static int onSeek(long id, long offset, int origin) {
    Source s = SOURCES.get(id);
    return s == null ? 1 : s.seek(offset, origin); // CURL_SEEKFUNC_FAIL
  }

  static void onFree(long id) {
    Source s = SOURCES.remove(id);
    if (s != null) {
      s.free();
    }
  }
}
