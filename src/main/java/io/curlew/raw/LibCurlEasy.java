package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import io.curlew.raw.jni.MimeUpcalls;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * libcurl's easy interface under its C names: {@code curl_easy_init}, {@code _setopt},
 * {@code _perform}, {@code _getinfo}, {@code _cleanup} and the rest. Part of
 * {@link LibCurl}.
 *
 * <p>{@code curl_easy_setopt} is overloaded by value type; a value of the wrong type for
 * an option (as libcurl's option table types it) is an {@link IllegalArgumentException}.
 * {@code curl_easy_getinfo} writes into a one-element array, the Java form of C's
 * out-pointer. A callback that throws aborts its transfer the way libcurl documents for
 * that callback, and the same Throwable is rethrown by the call that drove the transfer.
 *
 * <p>Differences from C, all in the direction of safety: {@code CURLOPT_NOSIGNAL} is always
 * 1 (libcurl must not touch a JVM's signal handlers); slists, blobs and POSTFIELDS are
 * copied when set; CURLOPT_PRIVATE and the *DATA options hold Java objects.
 */
public class LibCurlEasy extends LibCurlGlobal {

  /** curlew's refusals, from native/curlew.h */
  static final int E_TYPE = -2;
  static final int E_NOMEM = -3;
  static final int E_STATE = -4;
  static final int E_RANGE = -5;

  /** every open easy handle, by context address (for callbacks that name a handle) */
  private static final ConcurrentHashMap<Long, CURL> LIVE = new ConcurrentHashMap<>();

  LibCurlEasy() {
  }

  static CURL known(long address) {
    return address == 0 ? null : LIVE.get(address);
  }

  /** A CURL for a context the shim made for a server push, with its parent's callbacks. */
  static CURL adopt(long address, CURL parent) {
    CURL c = new CURL(address);
    if (parent != null) {
      c.dispatchOverride(parent.dispatch.copyFor(c));
    }
    CurlewNative.curlew_jni_bind(c.dispatch, 0, address);
    LIVE.put(address, c);
    return c;
  }

  /** Forgets a handle libcurl freed itself (a denied push). */
  static void forget(CURL c) {
    LIVE.remove(c.address());
    c.markClosed();
  }

  // --- life cycle ------------------------------------------------------------------

  /** @return {@code curl_easy_init()}: a new easy handle, or null when out of memory */
  public static CURL curl_easy_init() {
    Global.ensure();
    long ctx = CurlewNative.curlew_easy_init();
    if (ctx == 0) {
      return null;
    }
    CURL c = new CURL(ctx);
    bindDefaults(c);
    LIVE.put(ctx, c);
    return c;
  }

  /** The Java defaults of a fresh or reset handle: stdio-like write, read and debug. */
  private static void bindDefaults(CURL c) {
    long ctx = c.address();
    CurlewNative.curlew_jni_bind(c.dispatch, 0, ctx);
    CurlewNative.curlew_easy_setopt_callback(ctx, CURLOPT_WRITEFUNCTION, 1);
    CurlewNative.curlew_easy_setopt_callback(ctx, CURLOPT_READFUNCTION, 1);
    CurlewNative.curlew_easy_setopt_callback(ctx, CURLOPT_DEBUGFUNCTION, 1);
  }

  /**
   * {@code curl_easy_cleanup}: frees the handle (removing it from its multi handle first,
   * as libcurl does). Calling it again is harmless.
   *
   * @param curl the handle, or null
   * @throws IllegalStateException from inside one of the handle's callbacks, or while
   *     another thread uses it
   */
  public static void curl_easy_cleanup(CURL curl) {
    if (curl == null || curl.isClosed()) {
      return;
    }
    NativeHandle g = curl.acquireExclusive("curl_easy_cleanup");
    try {
      long ctx = curl.address();
      detachAll(curl);
      CURLM m = curl.multi;
      if (m != null) {
        m.easies.remove(ctx);
        curl.multi = null;
      }
      LIVE.remove(ctx);
      curl.markClosed();
      CurlewNative.curlew_easy_cleanup(ctx);
      curl.setParent(null);
    } finally {
      NativeHandle.release(g);
    }
  }

  /** The callback sources of the MIME post libcurl holds for this handle. */
  private static long[] mimeSources(CURL curl) {
    if (curl.mime == null) {
      return curl.mimeCopySources == null ? new long[0] : curl.mimeCopySources.clone();
    }
    List<Long> ids = new java.util.ArrayList<>();
    LibCurlMime.collectSources(curl.mime, ids);
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  /** Forgets the CURLU / MIME / share this handle pointed at. */
  private static void detachAll(CURL curl) {
    curl.mimeCopySources = null;
    if (curl.url != null) {
      curl.url.users.remove(curl);
      curl.url = null;
    }
    if (curl.mime != null) {
      curl.mime.users.remove(curl);
      curl.mime = null;
    }
    curl.share = null;
  }

  /**
   * {@code curl_easy_duphandle}: a new handle with the same options, callbacks and *DATA
   * objects (curlew copies the lists and buffers libcurl would share).
   *
   * @param curl the handle to copy
   * @return the copy, or null on failure
   */
  public static CURL curl_easy_duphandle(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      long ctx = CurlewNative.curlew_easy_duphandle(curl.address());
      if (ctx == 0) {
        return null;
      }
      CURL c = new CURL(ctx);
      c.dispatchOverride(curl.dispatch.copyFor(c));
      CurlewNative.curlew_jni_bind(c.dispatch, 0, ctx);
      c.privateData = curl.privateData;
      c.errorBuffer = curl.errorBuffer;
      if (curl.url != null) {
        c.url = curl.url;
        curl.url.users.add(c);
      }
      // libcurl gives the copy a deep copy of the MIME post (Curl_mime_duppart), so the
      // copy is no user of the original structure; but its callback parts read from the
      // same Java sources, and libcurl frees each of them once more
      c.mimeCopySources = mimeSources(curl);
      for (long id : c.mimeCopySources) {
        MimeUpcalls.retain(id);
      }
      c.share = curl.share;
      LIVE.put(ctx, c);
      return c;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_reset}: back to a fresh handle's options, keeping connections and
   * caches.
   *
   * @param curl the handle
   */
  public static void curl_easy_reset(CURL curl) {
    NativeHandle g = curl.acquireExclusive("curl_easy_reset");
    try {
      CurlewNative.curlew_easy_reset(curl.address());
      detachAll(curl);
      curl.privateData = null;
      curl.errorBuffer = null;
      curl.dispatchOverride(curl.dispatch.cleared());
      bindDefaults(curl);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_perform}: runs the transfer on the calling thread. A Throwable thrown
   * by one of the handle's callbacks is rethrown here, after libcurl has returned.
   *
   * @param curl the handle
   * @return a CURLcode
   * @throws IllegalStateException when the handle is in a multi handle
   */
  public static int curl_easy_perform(CURL curl) {
    if (curl.multi != null) {
      throw new IllegalStateException("curl_easy_perform on a handle that is in a multi handle;"
          + " remove it with curl_multi_remove_handle first");
    }
    NativeHandle g = curl.acquire();
    Throwable outer = CallbackFailures.begin();
    int rc;
    try {
      curl.dispatch.failure = null;
      rc = CurlewNative.curlew_easy_perform(curl.address());
      copyErrorBuffer(curl);
    } finally {
      NativeHandle.release(g);
      CallbackFailures.end(outer);
    }
    return rc;
  }

  static void copyErrorBuffer(CURL curl) {
    byte[] user = curl.errorBuffer;
    if (user != null) {
      long p = CurlewNative.curlew_easy_errbuf(curl.address());
      int n = (int) Math.min(CurlewNative.curlew_strlen(p), user.length - 1L);
      java.util.Arrays.fill(user, (byte) 0);
      if (n > 0) {
        CurlewNative.curlew_copy_out(p, user, 0, n);
      }
    }
  }

  // --- setopt ------------------------------------------------------------------------

  /**
   * {@code curl_easy_setopt} for LONG, VALUES and OFF_T options.
   *
   * @param curl the handle
   * @param option a CURLOPT_*
   * @param value the value
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, long value) {
    NativeHandle g = curl.acquire();
    try {
      int type = CurlewNative.curlew_option_type_of(option);
      int rc = type == CURLOT_OFF_T
          ? CurlewNative.curlew_easy_setopt_off(curl.address(), option, value)
          : CurlewNative.curlew_easy_setopt_long(curl.address(), option, value);
      return checked(rc, option, "a number");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt} for STRING options (and POSTFIELDS / COPYPOSTFIELDS, which
   * curlew copies). null resets a string option. For a *DATA option the string is the
   * object handed to the callback.
   *
   * @param curl the handle
   * @param option a CURLOPT_*
   * @param value the string, or null
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, String value) {
    int type = CurlewNative.curlew_option_type_of(option);
    if (type == CURLOT_CBPTR || option == CURLOPT_PRIVATE) {
      return curl_easy_setopt(curl, option, (Object) value);
    }
    NativeHandle g = curl.acquire();
    try {
      return checked(CurlewNative.curlew_easy_setopt_str(curl.address(), option,
          CStrings.of(value)), option, "a string");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt} with bytes: BLOB options (copied), POSTFIELDS and
   * COPYPOSTFIELDS with binary data (copied; the array's length is the size unless
   * POSTFIELDSIZE says less), and ERRORBUFFER (filled with libcurl's error text after each
   * call that may set it; at least CURL_ERROR_SIZE bytes).
   *
   * @param curl the handle
   * @param option a CURLOPT_*
   * @param value the bytes, or null to reset
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, byte[] value) {
    NativeHandle g = curl.acquire();
    try {
      long ctx = curl.address();
      if (option == CURLOPT_ERRORBUFFER) {
        if (value != null && value.length < CURL_ERROR_SIZE) {
          throw new IllegalArgumentException("CURLOPT_ERRORBUFFER needs at least "
              + CURL_ERROR_SIZE + " bytes, got " + value.length);
        }
        curl.errorBuffer = value;
        return CURLE_OK;
      }
      if (option == CURLOPT_POSTFIELDS || option == CURLOPT_COPYPOSTFIELDS) {
        return checked(CurlewNative.curlew_easy_setopt_bytes(ctx, option, value,
            value == null ? 0 : value.length), option, "bytes");
      }
      return checked(CurlewNative.curlew_easy_setopt_blob(ctx, option, value,
          value == null ? 0 : value.length), option, "bytes (a blob)");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt} for BLOB options with a {@link curl_blob}; always copied.
   *
   * @param curl the handle
   * @param option a CURLOPT_*_BLOB
   * @param blob the blob, or null to reset
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_blob blob) {
    if (blob == null) {
      return curl_easy_setopt(curl, option, (byte[]) null);
    }
    byte[] data = blob.len == blob.data.length ? blob.data
        : java.util.Arrays.copyOf(blob.data, (int) blob.len);
    NativeHandle g = curl.acquire();
    try {
      return checked(CurlewNative.curlew_easy_setopt_blob(curl.address(), option, data,
          data.length), option, "a blob");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt} for SLIST options (HTTPHEADER, RESOLVE, CONNECT_TO, ...): the
   * list is copied, so it may be freed or changed afterwards.
   *
   * @param curl the handle
   * @param option a CURLOPT_*
   * @param list the list, or null to reset
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_slist list) {
    List<String> strings = curl_slist.toList(list);
    NativeHandle g = curl.acquire();
    try {
      return checked(CurlewNative.curlew_easy_setopt_slist(curl.address(), option,
          strings.isEmpty() ? null : CStrings.packed(strings), strings.size()), option,
          "a curl_slist");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt(CURLOPT_SHARE)}.
   *
   * @param curl the handle
   * @param option CURLOPT_SHARE
   * @param share the share handle, or null to stop sharing
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, CURLSH share) {
    if (option != CURLOPT_SHARE) {
      throw typeError(option, "a CURLSH");
    }
    NativeHandle g = curl.acquire();
    NativeHandle sg = share == null ? null : share.acquire();
    try {
      int rc = checked(CurlewNative.curlew_easy_setopt_handle(curl.address(), option,
          share == null ? 0 : share.address()), option, "a CURLSH");
      if (rc == CURLE_OK) {
        curl.share = share;
      }
      return rc;
    } finally {
      if (sg != null) {
        NativeHandle.release(sg);
      }
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt(CURLOPT_CURLU)}: libcurl reads the URL handle at each transfer;
   * freeing it with curl_url_cleanup unsets it here first.
   *
   * @param curl the handle
   * @param option CURLOPT_CURLU
   * @param url the URL handle, or null
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, CURLU url) {
    if (option != CURLOPT_CURLU) {
      throw typeError(option, "a CURLU");
    }
    NativeHandle g = curl.acquire();
    NativeHandle ug = url == null ? null : url.acquire();
    try {
      int rc = checked(CurlewNative.curlew_easy_setopt_handle(curl.address(), option,
          url == null ? 0 : url.address()), option, "a CURLU");
      if (rc == CURLE_OK) {
        if (curl.url != null) {
          curl.url.users.remove(curl);
        }
        curl.url = url;
        if (url != null) {
          url.users.add(curl);
        }
      }
      return rc;
    } finally {
      if (ug != null) {
        NativeHandle.release(ug);
      }
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt(CURLOPT_MIMEPOST)}: freeing the MIME structure with
   * curl_mime_free unsets it here first.
   *
   * @param curl the handle
   * @param option CURLOPT_MIMEPOST
   * @param mime the MIME structure, or null
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, curl_mime mime) {
    if (option != CURLOPT_MIMEPOST) {
      throw typeError(option, "a curl_mime");
    }
    if (mime != null && mime.owner != null) {
      throw new IllegalArgumentException("this curl_mime is the subparts of another part");
    }
    NativeHandle g = curl.acquire();
    NativeHandle mg = mime == null ? null : mime.acquire();
    try {
      int rc = checked(CurlewNative.curlew_easy_setopt_handle(curl.address(), option,
          mime == null ? 0 : mime.address()), option, "a curl_mime");
      if (rc == CURLE_OK) {
        curl.mimeCopySources = null; // libcurl dropped a copy made by curl_easy_duphandle
        if (curl.mime != null) {
          curl.mime.users.remove(curl);
        }
        curl.mime = mime;
        if (mime != null) {
          mime.users.add(curl);
        }
      }
      return rc;
    } finally {
      if (mg != null) {
        NativeHandle.release(mg);
      }
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt(CURLOPT_STREAM_DEPENDS / _E)}: the HTTP/2 stream this one
   * depends on.
   *
   * @param curl the handle
   * @param option CURLOPT_STREAM_DEPENDS or CURLOPT_STREAM_DEPENDS_E
   * @param other the other transfer, or null
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, CURL other) {
    NativeHandle g = curl.acquire();
    try {
      long o = other == null ? 0 : other.address();
      if (other != null && o == 0) {
        throw new IllegalStateException("the other easy handle is closed");
      }
      return checked(CurlewNative.curlew_easy_setopt_handle(curl.address(), option, o), option,
          "a CURL");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_setopt} with any object: for CURLOPT_PRIVATE and the *DATA options
   * (WRITEDATA, READDATA, HEADERDATA, ...), whose objects are handed back to the callbacks;
   * for other options the value is dispatched by its runtime type to the overloads above.
   *
   * @param curl the handle
   * @param option a CURLOPT_*
   * @param value the object, or null
   * @return a CURLcode
   */
  public static int curl_easy_setopt(CURL curl, int option, Object value) {
    int type = CurlewNative.curlew_option_type_of(option);
    if (option == CURLOPT_PRIVATE || type == CURLOT_CBPTR) {
      NativeHandle g = curl.acquire();
      try {
        return setData(curl, option, value);
      } finally {
        NativeHandle.release(g);
      }
    }
    if (value == null) {
      return switch (type) {
        case CURLOT_STRING -> curl_easy_setopt(curl, option, (String) null);
        case CURLOT_SLIST -> curl_easy_setopt(curl, option, (curl_slist) null);
        case CURLOT_BLOB -> curl_easy_setopt(curl, option, (byte[]) null);
        case CURLOT_FUNCTION -> resetCallback(curl, option);
        default -> option == CURLOPT_SHARE ? curl_easy_setopt(curl, option, (CURLSH) null)
            : option == CURLOPT_CURLU ? curl_easy_setopt(curl, option, (CURLU) null)
            : option == CURLOPT_MIMEPOST ? curl_easy_setopt(curl, option, (curl_mime) null)
            : option == CURLOPT_POSTFIELDS || option == CURLOPT_COPYPOSTFIELDS
                ? curl_easy_setopt(curl, option, (byte[]) null)
            : curl_easy_setopt(curl, option, (CURL) null);
      };
    }
    if (value instanceof Number n) {
      return curl_easy_setopt(curl, option, n.longValue());
    }
    if (value instanceof Boolean b) {
      return curl_easy_setopt(curl, option, b ? 1L : 0L);
    }
    if (value instanceof String s) {
      return curl_easy_setopt(curl, option, s);
    }
    if (value instanceof byte[] b) {
      return curl_easy_setopt(curl, option, b);
    }
    if (value instanceof curl_blob b) {
      return curl_easy_setopt(curl, option, b);
    }
    if (value instanceof curl_slist l) {
      return curl_easy_setopt(curl, option, l);
    }
    if (value instanceof CURLSH s) {
      return curl_easy_setopt(curl, option, s);
    }
    if (value instanceof CURLU u) {
      return curl_easy_setopt(curl, option, u);
    }
    if (value instanceof curl_mime m) {
      return curl_easy_setopt(curl, option, m);
    }
    if (value instanceof CURL c) {
      return curl_easy_setopt(curl, option, c);
    }
    if (type == CURLOT_FUNCTION) {
      return EasyCallbacks.set(curl, option, value);
    }
    throw typeError(option, "a value of a type libcurl takes for it, not "
        + value.getClass().getName());
  }

  private static int resetCallback(CURL curl, int option) {
    return EasyCallbacks.set(curl, option, null);
  }

  @SuppressWarnings("deprecation") // IOCTLDATA: still an option of this libcurl
  private static int setData(CURL curl, int option, Object value) {
    EasyDispatch d = curl.dispatch;
    switch (option) {
      case CURLOPT_PRIVATE -> curl.privateData = value;
      case CURLOPT_WRITEDATA -> d.writeData = value;
      case CURLOPT_READDATA -> d.readData = value;
      case CURLOPT_HEADERDATA -> {
        d.headerData = value;
        EasyCallbacks.updateHeaderTrampoline(curl);
      }
      case CURLOPT_XFERINFODATA -> d.progressData = value;
      case CURLOPT_DEBUGDATA -> d.debugData = value;
      case CURLOPT_SEEKDATA -> d.seekData = value;
      case CURLOPT_SOCKOPTDATA -> d.sockoptData = value;
      case CURLOPT_OPENSOCKETDATA -> d.opensocketData = value;
      case CURLOPT_CLOSESOCKETDATA -> d.closesocketData = value;
      case CURLOPT_PREREQDATA -> d.prereqData = value;
      case CURLOPT_RESOLVER_START_DATA -> d.resolverStartData = value;
      case CURLOPT_TRAILERDATA -> d.trailerData = value;
      case CURLOPT_HSTSREADDATA -> d.hstsReadData = value;
      case CURLOPT_HSTSWRITEDATA -> d.hstsWriteData = value;
      case CURLOPT_CHUNK_DATA -> d.chunkData = value;
      case CURLOPT_FNMATCH_DATA -> d.fnmatchData = value;
      case CURLOPT_INTERLEAVEDATA -> d.interleaveData = value;
      case CURLOPT_SSL_CTX_DATA -> d.sslCtxData = value;
      case CURLOPT_IOCTLDATA -> d.ioctlData = value;
      default -> {
        // SSH_KEYDATA, SSH_HOSTKEYDATA: no SSH in this build, the object is unused
      }
    }
    return CURLE_OK;
  }

  /** Turns curlew's negative refusals into exceptions; passes CURLcodes through. */
  static int checked(int rc, int option, String given) {
    if (rc >= 0) {
      return rc;
    }
    switch (rc) {
      case E_TYPE -> throw typeError(option, given);
      case E_RANGE -> throw new IllegalArgumentException(optionName(option)
          + ": the size is larger than the data given (POSTFIELDSIZE beyond POSTFIELDS)");
      case E_NOMEM -> throw new OutOfMemoryError("native allocation failed for "
          + optionName(option));
      default -> throw new IllegalStateException(optionName(option) + ": refused (" + rc + ")");
    }
  }

  static IllegalArgumentException typeError(int option, String given) {
    int type = CurlewNative.curlew_option_type_of(option);
    String expected = type < 0 ? "an option this libcurl does not know"
        : "a " + CURLOT_NAMES[type] + " value";
    return new IllegalArgumentException(optionName(option) + " takes " + expected + ", not "
        + given);
  }

  private static final String[] CURLOT_NAMES = {"LONG", "VALUES (long)", "OFF_T (long)",
      "OBJECT", "STRING", "SLIST", "CBPTR (Object)", "BLOB (byte[])", "FUNCTION (callback)"};

  static String optionName(int option) {
    long[] out = new long[4];
    long o = CurlewNative.curlew_option_by_id(option, out);
    return o == 0 ? "option " + option : "CURLOPT_" + CStrings.at(out[0]);
  }

  // --- getinfo -------------------------------------------------------------------------

  /**
   * {@code curl_easy_getinfo} for LONG, OFF_T and SOCKET infos.
   *
   * @param curl the handle
   * @param info a CURLINFO_*
   * @param out receives the value in {@code out[0]}
   * @return a CURLcode
   */
  public static int curl_easy_getinfo(CURL curl, int info, long[] out) {
    NativeHandle g = curl.acquire();
    try {
      long ctx = curl.address();
      int rc = switch (info & CURLINFO_TYPEMASK) {
        case CURLINFO_LONG -> CurlewNative.curlew_easy_getinfo_long(ctx, info, out);
        case CURLINFO_OFF_T -> CurlewNative.curlew_easy_getinfo_off(ctx, info, out);
        case CURLINFO_SOCKET -> CurlewNative.curlew_easy_getinfo_socket(ctx, info, out);
        default -> E_TYPE;
      };
      return infoChecked(rc, info, "long[]");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_getinfo} for DOUBLE infos.
   *
   * @param curl the handle
   * @param info a CURLINFO_*
   * @param out receives the value in {@code out[0]}
   * @return a CURLcode
   */
  public static int curl_easy_getinfo(CURL curl, int info, double[] out) {
    NativeHandle g = curl.acquire();
    try {
      return infoChecked(CurlewNative.curlew_easy_getinfo_double(curl.address(), info, out),
          info, "double[]");
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_getinfo} for STRING infos.
   *
   * @param curl the handle
   * @param info a CURLINFO_*
   * @param out receives the string (or null) in {@code out[0]}
   * @return a CURLcode
   */
  public static int curl_easy_getinfo(CURL curl, int info, String[] out) {
    NativeHandle g = curl.acquire();
    try {
      long[] p = new long[1];
      int rc = infoChecked(CurlewNative.curlew_easy_getinfo_string(curl.address(), info, p),
          info, "String[]");
      out[0] = CStrings.at(p[0]);
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_getinfo} for SLIST infos (COOKIELIST, SSL_ENGINES).
   *
   * @param curl the handle
   * @param info a CURLINFO_*
   * @param out receives the list (null when empty) in {@code out[0]}
   * @return a CURLcode
   */
  public static int curl_easy_getinfo(CURL curl, int info, curl_slist[] out) {
    if (info == CURLINFO_CERTINFO) {
      throw new IllegalArgumentException("CURLINFO_CERTINFO gives a curl_certinfo[], not a "
          + "curl_slist[]");
    }
    NativeHandle g = curl.acquire();
    try {
      long[] p = new long[1];
      int rc = infoChecked(CurlewNative.curlew_easy_getinfo_ptr(curl.address(), info, p), info,
          "curl_slist[]");
      out[0] = curl_slist.of(readList(p[0]));
      CurlewNative.curl_slist_free_all(p[0]);
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  static List<String> readList(long list) {
    List<String> strings = new java.util.ArrayList<>();
    for (long n = list; n != 0; n = CurlewNative.curlew_slist_next(n)) {
      strings.add(CStrings.at(CurlewNative.curlew_slist_data(n)));
    }
    return strings;
  }

  /**
   * {@code curl_easy_getinfo(CURLINFO_CERTINFO)} (needs CURLOPT_CERTINFO 1).
   *
   * @param curl the handle
   * @param info CURLINFO_CERTINFO
   * @param out receives the chain in {@code out[0]}
   * @return a CURLcode
   */
  public static int curl_easy_getinfo(CURL curl, int info, curl_certinfo[] out) {
    if (info != CURLINFO_CERTINFO) {
      throw new IllegalArgumentException("only CURLINFO_CERTINFO gives a curl_certinfo");
    }
    NativeHandle g = curl.acquire();
    try {
      long[] p = new long[1];
      int rc = infoChecked(CurlewNative.curlew_easy_getinfo_ptr(curl.address(), info, p), info,
          "curl_certinfo[]");
      int n = CurlewNative.curlew_certinfo_count(p[0]);
      curl_slist[] certs = new curl_slist[n];
      for (int i = 0; i < n; i++) {
        certs[i] = curl_slist.of(readList(CurlewNative.curlew_certinfo_list(p[0], i)));
      }
      out[0] = new curl_certinfo(certs);
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_getinfo(CURLINFO_TLS_SSL_PTR / TLS_SESSION)}.
   *
   * @param curl the handle
   * @param info CURLINFO_TLS_SSL_PTR or CURLINFO_TLS_SESSION
   * @param out receives the backend and its pointer in {@code out[0]}
   * @return a CURLcode
   */
  public static int curl_easy_getinfo(CURL curl, int info, curl_tlssessioninfo[] out) {
    NativeHandle g = curl.acquire();
    try {
      long[] v = new long[2];
      int rc = infoChecked(CurlewNative.curlew_easy_getinfo_tls(curl.address(), info, v), info,
          "curl_tlssessioninfo[]");
      out[0] = new curl_tlssessioninfo((int) v[0], v[1]);
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_getinfo(CURLINFO_PRIVATE)}: the object set with CURLOPT_PRIVATE.
   *
   * @param curl the handle
   * @param info CURLINFO_PRIVATE
   * @param out receives the object in {@code out[0]}
   * @return a CURLcode
   */
  public static int curl_easy_getinfo(CURL curl, int info, Object[] out) {
    if (info != CURLINFO_PRIVATE) {
      throw new IllegalArgumentException("CURLINFO " + info + " does not give an Object; use "
          + "the long[], double[], String[] or curl_slist[] form");
    }
    NativeHandle g = curl.acquire();
    try {
      out[0] = curl.privateData;
      return CURLE_OK;
    } finally {
      NativeHandle.release(g);
    }
  }

  private static int infoChecked(int rc, int info, String given) {
    if (rc == E_TYPE) {
      throw new IllegalArgumentException("CURLINFO " + info + " (type 0x"
          + Integer.toHexString(info & CURLINFO_TYPEMASK) + ") cannot be read into " + given);
    }
    return rc;
  }

  // --- the rest of the easy API ------------------------------------------------------

  /**
   * {@code curl_easy_pause}.
   *
   * @param curl the handle
   * @param bitmask CURLPAUSE_RECV, CURLPAUSE_SEND, CURLPAUSE_ALL or CURLPAUSE_CONT
   * @return a CURLcode
   */
  public static int curl_easy_pause(CURL curl, int bitmask) {
    NativeHandle g = curl.acquire();
    Throwable outer = CallbackFailures.begin();
    try {
      return CurlewNative.curlew_easy_pause(curl.address(), bitmask);
    } finally {
      NativeHandle.release(g);
      CallbackFailures.end(outer); // unpausing may deliver data to callbacks
    }
  }

  /**
   * @param curl the handle
   * @return {@code curl_easy_upkeep}'s CURLcode
   */
  public static int curl_easy_upkeep(CURL curl) {
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_easy_upkeep(curl.address());
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_recv} on a CONNECT_ONLY connection.
   *
   * @param curl the handle
   * @param buffer where to receive
   * @param buflen at most this many bytes (not more than the array holds)
   * @param n receives the count in {@code n[0]}
   * @return a CURLcode; CURLE_AGAIN when nothing is there yet
   */
  public static int curl_easy_recv(CURL curl, byte[] buffer, long buflen, long[] n) {
    checkLength(buffer, buflen);
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_easy_recv(curl.address(), buffer, buflen, n);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_send} on a CONNECT_ONLY connection.
   *
   * @param curl the handle
   * @param buffer what to send
   * @param buflen how many bytes of it
   * @param n receives the count sent in {@code n[0]}
   * @return a CURLcode; CURLE_AGAIN when the socket is full
   */
  public static int curl_easy_send(CURL curl, byte[] buffer, long buflen, long[] n) {
    checkLength(buffer, buflen);
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_easy_send(curl.address(), buffer, buflen, n);
    } finally {
      NativeHandle.release(g);
    }
  }

  static void checkLength(byte[] buffer, long len) {
    if (buffer == null || len < 0 || len > buffer.length) {
      throw new IllegalArgumentException("length " + len + " outside the buffer of "
          + (buffer == null ? "null" : buffer.length + " bytes"));
    }
  }

  /**
   * {@code curl_easy_escape}: URL-encodes a string.
   *
   * @param curl a handle, or null
   * @param string the text (UTF-8 encoded before escaping)
   * @param length bytes of it to use, 0 for all
   * @return the escaped string, or null
   */
  public static String curl_easy_escape(CURL curl, String string, int length) {
    Global.ensure();
    byte[] s = CStrings.of(string);
    if (length < 0 || length > s.length - 1) {
      throw new IllegalArgumentException("length " + length + " outside the string");
    }
    return CStrings.takeCurlString(CurlewNative.curlew_easy_escape(0, s, length));
  }

  /**
   * {@code curl_easy_unescape}: URL-decodes a string.
   *
   * @param curl a handle, or null
   * @param string the encoded text
   * @param length bytes of it to use, 0 for all
   * @param outlength receives the decoded byte count in {@code outlength[0]}, or null
   * @return the decoded text (UTF-8), or null
   */
  public static String curl_easy_unescape(CURL curl, String string, int length,
      int[] outlength) {
    byte[] b = curl_easy_unescape_bytes(string, length);
    if (b == null) {
      return null;
    }
    if (outlength != null) {
      outlength[0] = b.length;
    }
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * {@code curl_easy_unescape} with the decoded bytes as they are, for binary content.
   *
   * @param string the encoded text
   * @param length bytes of it to use, 0 for all
   * @return the decoded bytes, or null
   */
  public static byte[] curl_easy_unescape_bytes(String string, int length) {
    Global.ensure();
    byte[] s = CStrings.of(string);
    if (length < 0 || length > s.length - 1) {
      throw new IllegalArgumentException("length " + length + " outside the string");
    }
    int[] n = new int[1];
    long p = CurlewNative.curlew_easy_unescape(0, s, length, n);
    if (p == 0) {
      return null;
    }
    try {
      return CStrings.bytesAt(p, n[0]);
    } finally {
      CurlewNative.curl_free(p);
    }
  }

  // --- option introspection ------------------------------------------------------------

  /**
   * @param name e.g. "URL"
   * @return {@code curl_easy_option_by_name}, or null
   */
  public static curl_easyoption curl_easy_option_by_name(String name) {
    Global.ensure();
    long[] out = new long[4];
    return option(CurlewNative.curlew_option_by_name(CStrings.of(name), out), out);
  }

  /**
   * @param id a CURLoption
   * @return {@code curl_easy_option_by_id}, or null
   */
  public static curl_easyoption curl_easy_option_by_id(int id) {
    Global.ensure();
    long[] out = new long[4];
    return option(CurlewNative.curlew_option_by_id(id, out), out);
  }

  /**
   * {@code curl_easy_option_next}: walks libcurl's option table.
   *
   * @param prev the previous entry, or null for the first
   * @return the next entry, or null at the end
   */
  public static curl_easyoption curl_easy_option_next(curl_easyoption prev) {
    Global.ensure();
    long[] out = new long[4];
    return option(CurlewNative.curlew_option_next(prev == null ? 0 : prev.address, out), out);
  }

  private static curl_easyoption option(long address, long[] out) {
    return address == 0 ? null : new curl_easyoption(CStrings.at(out[0]), (int) out[1],
        (int) out[2], (int) out[3], address);
  }

  // --- header API ------------------------------------------------------------------------

  /**
   * {@code curl_easy_header}: one response header by name.
   *
   * @param easy the handle
   * @param name header name, case-insensitive
   * @param index which of several headers of that name
   * @param origin CURLH_* bits
   * @param request which request (0 the first, -1 the last)
   * @param hout receives the header in {@code hout[0]}
   * @return a CURLHcode
   */
  public static int curl_easy_header(CURL easy, String name, long index, int origin,
      int request, curl_header[] hout) {
    NativeHandle g = easy.acquire();
    try {
      long[] p = new long[1];
      int rc = CurlewNative.curlew_easy_header(easy.address(), CStrings.of(name), index,
          origin, request, p);
      hout[0] = rc == CURLHE_OK ? header(p[0]) : null;
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_nextheader}: iterates the response headers.
   *
   * @param easy the handle
   * @param origin CURLH_* bits
   * @param request which request (0 the first, -1 the last)
   * @param prev the previous header, or null to start
   * @return the next header, or null at the end
   */
  public static curl_header curl_easy_nextheader(CURL easy, int origin, int request,
      curl_header prev) {
    NativeHandle g = easy.acquire();
    try {
      return header(CurlewNative.curlew_easy_nextheader(easy.address(), origin, request,
          prev == null ? 0 : prev.anchor));
    } finally {
      NativeHandle.release(g);
    }
  }

  private static curl_header header(long p) {
    if (p == 0) {
      return null;
    }
    long[] f = new long[5];
    CurlewNative.curlew_header_fields(p, f);
    return new curl_header(CStrings.at(f[0]), CStrings.at(f[1]), f[2], f[3], (int) f[4], p);
  }

  // --- TLS session export/import ---------------------------------------------------------

  /**
   * {@code curl_easy_ssls_import}: adds an exported TLS session to the handle's cache.
   *
   * @param curl the handle
   * @param sessionKey the peer key, or null
   * @param shmac the salted hash
   * @param sdata the session data
   * @return a CURLcode
   */
  public static int curl_easy_ssls_import(CURL curl, String sessionKey, byte[] shmac,
      byte[] sdata) {
    NativeHandle g = curl.acquire();
    try {
      return CurlewNative.curlew_easy_ssls_import(curl.address(), CStrings.of(sessionKey),
          shmac, shmac == null ? 0 : shmac.length, sdata, sdata == null ? 0 : sdata.length);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_easy_ssls_export}: hands every cached TLS session to the callback.
   *
   * @param curl the handle
   * @param exportFn called once per session
   * @param userptr handed to the callback
   * @return a CURLcode
   */
  public static int curl_easy_ssls_export(CURL curl, curl_ssls_export_cb exportFn,
      Object userptr) {
    NativeHandle g = curl.acquire();
    Throwable outer = CallbackFailures.begin();
    try {
      curl.dispatch.sslsExport = exportFn;
      curl.dispatch.sslsExportData = userptr;
      return CurlewNative.curlew_easy_ssls_export(curl.address());
    } finally {
      curl.dispatch.sslsExport = null;
      curl.dispatch.sslsExportData = null;
      NativeHandle.release(g);
      CallbackFailures.end(outer);
    }
  }
}
