package io.curlew.raw.jni;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data of MIME parts that come from Java ({@code curl_mime_data_cb}). libcurl keeps an
 * id for each part; these static methods, called by the C trampolines, find the part's
 * {@link Source} by it. libcurl's free callback for the last part using an entry removes
 * it, so a part freed with its MIME structure (and every copy of it) leaves nothing behind.
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

  /**
   * One source and the number of libcurl parts that read from it: a part copied by
   * curl_easy_duphandle keeps libcurl's callback argument, so the same id is freed once
   * per copy.
   */
  private static final class Entry {
    final Source source;
    int parts = 1;

    Entry(Source source) {
      this.source = source;
    }
  }

  private static final ConcurrentHashMap<Long, Entry> SOURCES = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong(1);

  private MimeUpcalls() {
  }

  /**
   * @param source a part's data
   * @return its id for curlew_mime_data_cb
   */
  public static long register(Source source) {
    long id = NEXT.getAndIncrement();
    SOURCES.put(id, new Entry(source));
    return id;
  }

  /**
   * libcurl copied a part that reads from this source (curl_easy_duphandle): the source
   * stays until the copy is freed too. Unknown ids (already freed) are ignored.
   *
   * @param id a source id
   */
  public static void retain(long id) {
    SOURCES.computeIfPresent(id, (k, e) -> {
      e.parts++;
      return e;
    });
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
    Entry e = SOURCES.get(id);
    return e == null ? 0x10000000L : e.source.read(ptr, len); // CURL_READFUNC_ABORT
  }

  static int onSeek(long id, long offset, int origin) {
    Entry e = SOURCES.get(id);
    return e == null ? 1 : e.source.seek(offset, origin); // CURL_SEEKFUNC_FAIL
  }

  /** libcurl freed one part reading from the source: its free function runs each time. */
  static void onFree(long id) {
    Entry e = SOURCES.get(id);
    if (e != null) {
      SOURCES.computeIfPresent(id, (k, v) -> --v.parts > 0 ? v : null);
      e.source.free();
    }
  }
}
