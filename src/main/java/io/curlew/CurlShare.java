package io.curlew;

import io.curlew.raw.CURLSH;
import io.curlew.raw.LibCurl;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * A share handle ({@code CURLSH}): data several easy handles use together, set on each
 * with {@link CurlOption#SHARE}. Locking is native (one mutex per kind of data, no call
 * into Java), so handles on different threads may share it.
 *
 * <p>libcurl's rule: the DNS cache, TLS sessions and PSL may be shared by transfers running
 * on different threads at the same time; cookies, the connection cache and HSTS may be
 * shared too, but libcurl does not promise that concurrent use of them from several threads
 * is safe in every case, so share those only between handles driven by one thread (or one
 * {@link CurlMulti}) at a time.
 */
public final class CurlShare implements AutoCloseable {

  /** What a share handle can share ({@code CURL_LOCK_DATA_*}). */
  public enum Data {
    /** {@code CURL_LOCK_DATA_COOKIE}. */
    COOKIE(LibCurl.CURL_LOCK_DATA_COOKIE),
    /** {@code CURL_LOCK_DATA_DNS}. */
    DNS(LibCurl.CURL_LOCK_DATA_DNS),
    /** {@code CURL_LOCK_DATA_SSL_SESSION}. */
    SSL_SESSION(LibCurl.CURL_LOCK_DATA_SSL_SESSION),
    /** {@code CURL_LOCK_DATA_CONNECT}. */
    CONNECT(LibCurl.CURL_LOCK_DATA_CONNECT),
    /** {@code CURL_LOCK_DATA_PSL} (this build has no libpsl: nothing to share). */
    PSL(LibCurl.CURL_LOCK_DATA_PSL),
    /** {@code CURL_LOCK_DATA_HSTS}. */
    HSTS(LibCurl.CURL_LOCK_DATA_HSTS);

    final int value;

    Data(int value) {
      this.value = value;
    }
  }

  private final CURLSH raw;
  private final Set<CurlEasy> users = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * A share handle sharing the given data ({@code curl_share_init} and
   * {@code CURLSHOPT_SHARE}).
   *
   * @param data what to share
   * @throws CurlShareException when libcurl refuses one of them
   */
  public CurlShare(Data... data) throws CurlShareException {
    CURLSH s = LibCurl.curl_share_init();
    if (s == null) {
      throw new OutOfMemoryError("curl_share_init failed");
    }
    this.raw = s;
    for (Data d : data) {
      share(d);
    }
  }

  /**
   * Starts sharing one kind of data ({@code CURLSHOPT_SHARE}).
   *
   * @param data what
   * @return this share
   * @throws CurlShareException when libcurl refuses (CURLSHE_IN_USE while easy handles use it)
   */
  public CurlShare share(Data data) throws CurlShareException {
    int rc = LibCurl.curl_share_setopt(raw, LibCurl.CURLSHOPT_SHARE, data.value);
    if (rc != LibCurl.CURLSHE_OK) {
      throw new CurlShareException(rc, "sharing " + data);
    }
    return this;
  }

  /**
   * Stops sharing one kind of data ({@code CURLSHOPT_UNSHARE}).
   *
   * @param data what
   * @return this share
   * @throws CurlShareException when libcurl refuses
   */
  public CurlShare unshare(Data data) throws CurlShareException {
    int rc = LibCurl.curl_share_setopt(raw, LibCurl.CURLSHOPT_UNSHARE, data.value);
    if (rc != LibCurl.CURLSHE_OK) {
      throw new CurlShareException(rc, "unsharing " + data);
    }
    return this;
  }

  CURLSH raw() {
    return raw;
  }

  int attach(CurlEasy easy, IntSupplier setopt) {
    synchronized (users) {
      if (raw.isClosed()) {
        throw new IllegalStateException("this CurlShare is closed");
      }
      int rc = setopt.getAsInt();
      if (rc == LibCurl.CURLE_OK) {
        users.add(easy);
      }
      return rc;
    }
  }

  void detached(CurlEasy easy) {
    synchronized (users) {
      users.remove(easy);
    }
  }

  /** @return how many easy handles use this share now */
  public int users() {
    synchronized (users) {
      return users.size();
    }
  }

  /**
   * Frees the share ({@code curl_share_cleanup}). Calling it again does nothing.
   *
   * @throws IllegalStateException while easy handles still use it: close them, reset them,
   *     or set their {@link CurlOption#SHARE} to null first
   */
  @Override
  public void close() {
    synchronized (users) {
      if (raw.isClosed()) {
        return;
      }
      if (!users.isEmpty()) {
        throw new IllegalStateException("this CurlShare is still used by " + users.size()
            + " CurlEasy handle(s); close them or set their SHARE option to null first");
      }
      int rc = LibCurl.curl_share_cleanup(raw);
      if (rc != LibCurl.CURLSHE_OK) {
        throw new IllegalStateException("curl_share_cleanup failed: "
            + Curl.shareStrerror(rc));
      }
    }
  }
}
