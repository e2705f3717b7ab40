package io.curlew;

import io.curlew.callback.Chunk;
import io.curlew.callback.ProgressCallback;
import io.curlew.callback.ReadCallback;
import io.curlew.callback.SeekCallback;
import io.curlew.callback.WriteCallback;
import io.curlew.internal.CaBundle;
import io.curlew.internal.EasyAccess;
import io.curlew.internal.WireLog;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlewExtensions;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_header;
import io.curlew.raw.curl_slist;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One libcurl easy handle: one transfer at a time, with every libcurl option typed
 * ({@link CurlOption}), typed post-transfer information ({@link CurlInfo}) and exceptions
 * instead of return codes.
 *
 * <pre>{@code
 * try (CurlEasy easy = new CurlEasy()) {
 *   easy.url("https://example.com/").followRedirects(true).perform();
 *   System.out.println(easy.responseCode() + " " + easy.bodyAsString());
 * }
 * }</pre>
 *
 * <p><b>Defaults</b> differ from C libcurl's where a JVM needs it: {@code CURLOPT_NOSIGNAL}
 * is always on; only {@code http} and {@code https} are allowed (also for redirects) until
 * {@link #protocols} allows more; the CA certificates are found at run time
 * ({@link io.curlew.internal.CaBundle}); verbose output goes to the System.Logger
 * {@code io.curlew.wire} with credentials redacted; string values containing CR or LF
 * are rejected before they reach libcurl. The response body is collected in native memory,
 * up to {@link #bodyLimit}, and read with {@link #body()}, unless a write callback or a
 * download target is set. As in C, an upload ({@code CURLOPT_UPLOAD} or a POST without
 * fields) that has no read callback and no {@link #upload}/{@link #uploadFrom} source
 * reads {@code System.in}.
 *
 * <p><b>Threads:</b> a handle may be used by one thread at a time; a call while another
 * thread is inside one is an {@link IllegalStateException}, as is any call after
 * {@link #close()}, and closing or resetting it from inside its own callbacks.
 */
public final class CurlEasy implements AutoCloseable {

  /** Default most bytes a response body may have when collected in memory: 64 MiB. */
  public static final long DEFAULT_BODY_LIMIT = 64L << 20;

  private static final Cleaner CLEANER = Cleaner.create();
  private static final System.Logger LOG = System.getLogger("io.curlew");

  private final CURL raw;
  private final Cleaner.Cleanable cleanable;
  /** Java objects libcurl reads or calls: kept alive with the handle and re-applied by duplicate() */
  private final Map<CurlOption<?>, Object> kept = new LinkedHashMap<>();
  private final List<String> headers = new ArrayList<>();
  private long bodyLimit = DEFAULT_BODY_LIMIT;
  private BodyTarget bodyTarget = BodyTarget.MEMORY;
  private Path downloadPath;
  private OutputStream download;
  private boolean caConfigured;
  /** the CurlMulti or engine that drives this handle now, or null */
  private volatile Object owner;
  private String ownerName;
  /** the CurlShare, CurlUrl, CurlMime or CurlEasy set as an option, by option */
  private final Map<CurlOption<?>, Object> attached = new IdentityHashMap<>();

  private enum BodyTarget { MEMORY, CALLBACK, FILE, DISCARD }

  /** A new handle with curlew's defaults ({@code curl_easy_init}). */
  public CurlEasy() {
    this(LibCurl.curl_easy_init());
    applyDefaults();
  }

  private CurlEasy(CURL raw) {
    if (raw == null) {
      throw new OutOfMemoryError("curl_easy_init failed");
    }
    this.raw = raw;
    CURL r = raw;
    this.cleanable = CLEANER.register(this, () -> {
      if (!r.isClosed()) {
        LOG.log(System.Logger.Level.WARNING, "a CurlEasy was not closed; the garbage collector"
            + " freed it. Close handles (try-with-resources) to free them promptly.");
        LibCurl.curl_easy_cleanup(r);
      }
    });
  }

  private void applyDefaults() {
    LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_PROTOCOLS_STR, "http,https");
    LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    CaBundle.Source ca = CaBundle.get();
    if (ca.file() != null) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_CAINFO, ca.file());
    }
    if (ca.directory() != null) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_CAPATH, ca.directory());
    }
    if (ca.blob() != null) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_CAINFO_BLOB, ca.blob());
    }
    LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_DEBUGFUNCTION,
        (io.curlew.raw.curl_debug_callback) (h, type, data, size, ud) -> {
          if (type >= LibCurl.CURLINFO_DATA_IN) {
            WireLog.logData(type, size);
          } else {
            WireLog.log(type, new String(data.toArray(), StandardCharsets.ISO_8859_1));
          }
          return 0;
        });
    CurlewExtensions.setSink(raw, CurlewExtensions.SINK_BUFFER, bodyLimit);
  }

  /** A handle around a raw one libcurl made (an accepted server push); no defaults applied. */
  static CurlEasy adopt(CURL raw) {
    return new CurlEasy(raw);
  }

  /** The raw handle, for curlew's engine and tests. */
  CURL raw() {
    return raw;
  }

  static {
    EasyAccess.install(new EasyAccess() {
      @Override
      public CURL raw(CurlEasy easy) {
        return easy.raw;
      }

      @Override
      public void own(CurlEasy easy, Object owner, String what) {
        easy.own(owner, what);
      }

      @Override
      public void release(CurlEasy easy) {
        easy.owner = null;
        easy.ownerName = null;
      }

      @Override
      public CurlException failure(CurlEasy easy, int rc, Throwable callbackFailure) {
        return easy.failure(rc, callbackFailure);
      }

      @Override
      public void beginTransfer(CurlEasy easy) throws CurlException {
        easy.beginTransfer();
      }

      @Override
      public CurlException endTransfer(CurlEasy easy) {
        return easy.endTransfer();
      }
    });
  }

  private synchronized void own(Object newOwner, String what) {
    if (owner != null) {
      throw new IllegalStateException("this CurlEasy is in " + ownerName + " already; it "
          + "can be in one multi handle or client at a time");
    }
    if (raw.isClosed()) {
      throw new IllegalStateException("this CurlEasy is closed");
    }
    owner = newOwner;
    ownerName = what;
  }

  void attachTo(CurlMulti m) {
    if (m == null) {
      owner = null;
      ownerName = null;
    } else {
      own(m, "a CurlMulti");
    }
  }

  CurlMulti multi() {
    Object o = owner;
    return o instanceof CurlMulti m ? m : null;
  }

  // --- options ---------------------------------------------------------------------

  /**
   * Sets any option ({@code curl_easy_setopt}), converting the Java value the way the
   * option's {@link CurlOption#valueType()} says.
   *
   * @param <T> the option's value type
   * @param option the option
   * @param value the value; null resets string, list, blob, handle and callback options
   * @return this handle
   * @throws IllegalArgumentException for a value libcurl rejects (CURLE_BAD_FUNCTION_ARGUMENT,
   *     CURLE_UNKNOWN_OPTION, ...) or a string with CR or LF
   * @throws UnsupportedOperationException for options the idiomatic layer cannot set (see
   *     {@link CurlOption#isSupported()})
   */
  public <T> CurlEasy setOption(CurlOption<T> option, T value) {
    int id = option.id();
    int rc;
    switch (option.kind) {
      case BOOL -> rc = LibCurl.curl_easy_setopt(raw, id, Boolean.TRUE.equals(value) ? 1L : 0L);
      case LONG, OFF_T -> rc = LibCurl.curl_easy_setopt(raw, id, requireValue(option, value)
          instanceof Number n ? n.longValue() : 0L);
      case MILLIS -> rc = LibCurl.curl_easy_setopt(raw, id,
          ((Duration) requireValue(option, value)).toMillis());
      case SECONDS -> rc = LibCurl.curl_easy_setopt(raw, id,
          seconds((Duration) requireValue(option, value)));
      case ENUM -> rc = LibCurl.curl_easy_setopt(raw, id,
          ((CurlValue) requireValue(option, value)).value());
      case STRING -> {
        if (value != null) {
          checkNoNewline((String) value);
        }
        rc = LibCurl.curl_easy_setopt(raw, id, (String) value);
      }
      case SLIST -> {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) value;
        if (list != null) {
          list.forEach(CurlEasy::checkNoNewline);
        }
        rc = LibCurl.curl_easy_setopt(raw, id, list == null ? null : curl_slist.of(list));
        if (option.id() == LibCurl.CURLOPT_HTTPHEADER) {
          headers.clear();
          if (list != null) {
            headers.addAll(list);
          }
        }
      }
      case BLOB, BYTES -> rc = LibCurl.curl_easy_setopt(raw, id, (byte[]) value);
      case HANDLE -> rc = setHandle(option, value);
      case CALLBACK -> {
        setCallback(option, value);
        rc = LibCurl.CURLE_OK;
      }
      case USERDATA -> rc = setUserData(option, value);
      case UNSUPPORTED -> throw new UnsupportedOperationException(option + ": " + option.detail);
      default -> throw new IllegalStateException("unexpected kind " + option.kind);
    }
    if (option.id() == LibCurl.CURLOPT_CAINFO || option.id() == LibCurl.CURLOPT_CAINFO_BLOB
        || option.id() == LibCurl.CURLOPT_CAPATH) {
      caConfigured = true;
    }
    return check(rc, option);
  }

  private static Object requireValue(CurlOption<?> option, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value of type "
          + option.valueType().getSimpleName() + ", not null");
    }
    return value;
  }

  /** Whole seconds, rounding a non-zero remainder up so a short timeout never means none. */
  private static long seconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }

  private CurlEasy check(int rc, CurlOption<?> option) {
    if (rc == LibCurl.CURLE_OK) {
      return this;
    }
    if (rc == LibCurl.CURLE_RECURSIVE_API_CALL) {
      throw recursive("setOption(" + option + ")");
    }
    throw new IllegalArgumentException(option + " was refused: " + CurlCode.of(rc) + " ("
        + rc + "): " + Curl.strerror(rc));
  }

  static IllegalStateException recursive(String call) {
    return new IllegalStateException(call + " was called from inside a libcurl callback, where "
        + "libcurl refuses it (CURLE_RECURSIVE_API_CALL); call it after perform() returns");
  }

  static void checkNoNewline(String s) {
    if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("CR and LF are not allowed in option values (they "
          + "could split a header or request line): " + s.replace("\r", "\\r")
          .replace("\n", "\\n"));
    }
  }

  private int setHandle(CurlOption<?> option, Object value) {
    int rc;
    if (value == null) {
      rc = LibCurl.curl_easy_setopt(raw, option.id(), (Object) null);
      Object old = attached.remove(option);
      if (rc == LibCurl.CURLE_OK && old instanceof CurlShare s) {
        s.detached(this);
      }
      return rc;
    }
    if (value instanceof CurlShare s) {
      rc = s.attach(this, () -> LibCurl.curl_easy_setopt(raw, option.id(), s.raw()));
    } else if (value instanceof CurlUrl u) {
      rc = LibCurl.curl_easy_setopt(raw, option.id(), u.raw());
    } else if (value instanceof CurlMime m) {
      rc = LibCurl.curl_easy_setopt(raw, option.id(), m.raw());
    } else if (value instanceof CurlEasy e) {
      rc = LibCurl.curl_easy_setopt(raw, option.id(), e.raw);
    } else {
      throw new IllegalArgumentException(option + " takes a " + option.valueType().getSimpleName());
    }
    if (rc == LibCurl.CURLE_OK) {
      Object old = attached.put(option, value);
      if (old instanceof CurlShare s && old != value) {
        s.detached(this);
      }
    }
    return rc;
  }

  private void setCallback(CurlOption<?> option, Object cb) {
    if (option.id() == LibCurl.CURLOPT_WRITEFUNCTION) {
      bodyTarget = cb == null ? BodyTarget.MEMORY : BodyTarget.CALLBACK;
      downloadPath = null;
      CurlewExtensions.setSink(raw, cb == null ? CurlewExtensions.SINK_BUFFER
          : CurlewExtensions.SINK_JAVA, bodyLimit);
    }
    EasyCallbackAdapters.install(raw, option, cb);
    if (option.id() == LibCurl.CURLOPT_XFERINFOFUNCTION) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_NOPROGRESS, cb == null ? 1L : 0L);
    }
    if (cb == null) {
      kept.remove(option);
    } else {
      kept.put(option, cb);
    }
  }

  private int setUserData(CurlOption<?> option, Object value) {
    int id = option.id();
    if (id == LibCurl.CURLOPT_PRIVATE) {
      return LibCurl.curl_easy_setopt(raw, id, value);
    }
    if (id == LibCurl.CURLOPT_WRITEDATA && (value == null || value instanceof OutputStream)) {
      downloadTo((OutputStream) value);
      return LibCurl.CURLE_OK;
    }
    if (id == LibCurl.CURLOPT_READDATA && value instanceof InputStream in) {
      uploadFrom(in, -1);
      return LibCurl.CURLE_OK;
    }
    throw new UnsupportedOperationException(option + ": callbacks here are Java lambdas that "
        + "capture what they need; WRITEDATA takes an OutputStream and READDATA an "
        + "InputStream, other *DATA options have no use in the idiomatic layer");
  }

  // --- the transfer ----------------------------------------------------------------------

  /**
   * Runs the transfer on the calling thread ({@code curl_easy_perform}). A Throwable a
   * callback threw comes out here: unchecked ones as they are, checked ones wrapped in a
   * {@link CurlAbortedByCallbackException}.
   *
   * @return this handle, for reading results
   * @throws CurlException when libcurl reports an error (a subclass names the common cases)
   * @throws IllegalStateException when the handle is in a {@link CurlMulti}, closed, in use
   *     by another thread, or called from one of its own callbacks
   */
  public CurlEasy perform() throws CurlException {
    if (raw.heldByCurrentThread()) {
      throw recursive("perform()");
    }
    if (owner != null) {
      throw new IllegalStateException("this CurlEasy is in " + ownerName + ", which drives it;"
          + " remove it there (or wait for its transfer to finish) before calling perform()");
    }
    beginTransfer();
    int rc;
    Throwable callbackFailure = null;
    try {
      rc = LibCurl.curl_easy_perform(raw);
    } catch (RuntimeException | Error e) {
      endTransfer();
      throw e;
    } catch (Throwable t) {
      callbackFailure = t;
      rc = LibCurl.CURLE_ABORTED_BY_CALLBACK;
    }
    CurlException closing = endTransfer();
    if (rc == LibCurl.CURLE_RECURSIVE_API_CALL) {
      throw recursive("perform()");
    }
    if (rc != LibCurl.CURLE_OK || callbackFailure != null) {
      throw failure(rc, callbackFailure);
    }
    if (closing != null) {
      throw closing;
    }
    return this;
  }

  /** Per-transfer setup that perform, CurlMulti and CurlClient share: opens a download file. */
  void beginTransfer() throws CurlException {
    if (bodyTarget != BodyTarget.FILE || downloadPath == null) {
      return;
    }
    try {
      OutputStream out = Files.newOutputStream(downloadPath);
      installStreamWriter(out);
      download = out;
    } catch (IOException e) {
      throw new CurlException(LibCurl.CURLE_WRITE_ERROR, "cannot open " + downloadPath + ": "
          + e.getMessage(), e);
    }
  }

  /** @return an exception when closing the download file failed, else null */
  CurlException endTransfer() {
    OutputStream out = download;
    download = null;
    if (out == null) {
      return null;
    }
    try {
      out.close();
      return null;
    } catch (IOException e) {
      return new CurlException(LibCurl.CURLE_WRITE_ERROR, "closing " + downloadPath, e);
    }
  }

  /** The exception for a failed transfer, with the hints only curlew can give. */
  CurlException failure(int rc, Throwable callbackFailure) {
    if (callbackFailure != null) {
      // the same exception whichever driver ran the transfer: libcurl's own code for the
      // abort (a write, read or connect error) depends on which callback threw
      String how = rc == LibCurl.CURLE_ABORTED_BY_CALLBACK || rc == LibCurl.CURLE_OK ? ""
          : "; libcurl ended the transfer with CURLE_" + CurlCode.of(rc);
      return new CurlAbortedByCallbackException(LibCurl.CURLE_ABORTED_BY_CALLBACK,
          "a callback threw " + callbackFailure + how, callbackFailure);
    }
    String detail = CurlewExtensions.errorBuffer(raw);
    if (rc == LibCurl.CURLE_WRITE_ERROR && bodyTarget == BodyTarget.MEMORY
        && CurlewExtensions.sinkOverflowed(raw)) {
      detail = "the response body is larger than the in-memory limit of " + bodyLimit
          + " bytes; raise it with bodyLimit(), or stream it with onData() or downloadTo()";
    } else if ((rc == LibCurl.CURLE_PEER_FAILED_VERIFICATION
        || rc == LibCurl.CURLE_SSL_CACERT_BADFILE) && !caConfigured && !CaBundle.get().found()) {
      detail = detail + " (no CA certificates were found: tried " + CaBundle.get().tried()
          + "; set CurlOption.CAINFO or the SSL_CERT_FILE environment variable)";
    }
    return CurlException.of(rc, detail, callbackFailure);
  }

  // --- post-transfer information ------------------------------------------------------------

  /**
   * Reads transfer information ({@code curl_easy_getinfo}).
   *
   * @param <T> the info's value type
   * @param info the info
   * @return the value (null for a string libcurl does not have)
   */
  public <T> T getInfo(CurlInfo<T> info) {
    return EasyInfo.read(raw, info);
  }

  /** @return the last response's status code ({@code CURLINFO_RESPONSE_CODE}), 0 when none */
  public int responseCode() {
    return getInfo(CurlInfo.RESPONSE_CODE).intValue();
  }

  /**
   * @return the response body collected in memory by the last {@link #perform()} (the
   *     default when no write callback or download target is set)
   * @throws IllegalStateException when the body went to a callback, stream or file
   */
  public byte[] body() {
    if (bodyTarget != BodyTarget.MEMORY) {
      throw new IllegalStateException("the body went to " + bodyTarget.name().toLowerCase()
          + ", not to memory");
    }
    return CurlewExtensions.sinkBytes(raw);
  }

  /**
   * @return {@link #body()} decoded as UTF-8 (or the charset of the Content-Type header)
   */
  public String bodyAsString() {
    String type = getInfo(CurlInfo.CONTENT_TYPE);
    java.nio.charset.Charset cs = StandardCharsets.UTF_8;
    if (type != null) {
      int i = type.toLowerCase().indexOf("charset=");
      if (i >= 0) {
        try {
          cs = java.nio.charset.Charset.forName(type.substring(i + 8).replace("\"", "")
              .split("[;\\s]")[0]);
        } catch (RuntimeException ignored) {
          cs = StandardCharsets.UTF_8;
        }
      }
    }
    return new String(body(), cs);
  }

  /**
   * A response header of the last request, by name ({@code curl_easy_header}).
   *
   * @param name case-insensitive
   * @return its last value, or empty
   */
  public Optional<String> header(String name) {
    return header(name, -1, CurlHeader.HEADER, -1).map(CurlHeader::value);
  }

  /**
   * A response header by name, index, origin and request ({@code curl_easy_header}).
   *
   * @param name case-insensitive
   * @param index which header of that name; -1 for the last
   * @param origin {@link CurlHeader} origin bits
   * @param request 0 for the first request of the transfer, -1 for the last
   * @return the header, or empty
   */
  public Optional<CurlHeader> header(String name, int index, int origin, int request) {
    curl_header[] out = new curl_header[1];
    int rc;
    if (index < 0) {
      rc = LibCurl.curl_easy_header(raw, name, 0, origin, request, out);
      if (rc == LibCurl.CURLHE_OK && out[0].amount > 1) {
        rc = LibCurl.curl_easy_header(raw, name, out[0].amount - 1, origin, request, out);
      }
    } else {
      rc = LibCurl.curl_easy_header(raw, name, index, origin, request, out);
    }
    if (rc != LibCurl.CURLHE_OK) {
      return Optional.empty();
    }
    return Optional.of(toHeader(out[0]));
  }

  /** @return every plain response header of the last request, in order ({@code curl_easy_nextheader}) */
  public List<CurlHeader> headers() {
    return headers(CurlHeader.HEADER, -1);
  }

  /**
   * @param origin {@link CurlHeader} origin bits
   * @param request 0 for the first request, -1 for the last
   * @return the headers, in order ({@code curl_easy_nextheader})
   */
  public List<CurlHeader> headers(int origin, int request) {
    List<CurlHeader> out = new ArrayList<>();
    for (curl_header h = LibCurl.curl_easy_nextheader(raw, origin, request, null); h != null;
        h = LibCurl.curl_easy_nextheader(raw, origin, request, h)) {
      out.add(toHeader(h));
    }
    return out;
  }

  private static CurlHeader toHeader(curl_header h) {
    return new CurlHeader(h.name, h.value, h.amount, h.index, h.origin);
  }

  // --- life cycle ------------------------------------------------------------------------

  /**
   * A new handle with this one's options, callbacks and kept values
   * ({@code curl_easy_duphandle}). Callbacks get fresh adapters, so the copy can run on
   * another thread.
   *
   * @return the copy
   */
  public CurlEasy duplicate() {
    CurlEasy d = new CurlEasy(LibCurl.curl_easy_duphandle(raw));
    d.bodyLimit = bodyLimit;
    d.bodyTarget = bodyTarget;
    d.downloadPath = downloadPath;
    d.caConfigured = caConfigured;
    d.headers.addAll(headers);
    for (Map.Entry<CurlOption<?>, Object> e : kept.entrySet()) {
      d.setCallback(e.getKey(), e.getValue());
    }
    if (bodyTarget == BodyTarget.MEMORY || bodyTarget == BodyTarget.DISCARD) {
      CurlewExtensions.setSink(d.raw, bodyTarget == BodyTarget.MEMORY
          ? CurlewExtensions.SINK_BUFFER : CurlewExtensions.SINK_DISCARD, bodyLimit);
    }
    for (Map.Entry<CurlOption<?>, Object> e : attached.entrySet()) {
      d.attached.put(e.getKey(), e.getValue());
      if (e.getValue() instanceof CurlShare s) {
        s.attach(d, () -> LibCurl.CURLE_OK);
      }
    }
    return d;
  }

  /**
   * Back to a new handle's state, keeping its connections and caches
   * ({@code curl_easy_reset}); curlew's defaults are applied again.
   *
   * @return this handle
   */
  public CurlEasy reset() {
    LibCurl.curl_easy_reset(raw);
    for (Object o : attached.values()) {
      if (o instanceof CurlShare s) {
        s.detached(this);
      }
    }
    attached.clear();
    kept.clear();
    headers.clear();
    bodyLimit = DEFAULT_BODY_LIMIT;
    bodyTarget = BodyTarget.MEMORY;
    downloadPath = null;
    caConfigured = false;
    applyDefaults();
    return this;
  }

  /**
   * Frees the handle ({@code curl_easy_cleanup}). Calling it again does nothing.
   *
   * @throws IllegalStateException while the handle is in a {@link CurlMulti}, from inside
   *     its own callbacks, or while another thread uses it
   */
  @Override
  public void close() {
    if (raw.isClosed()) {
      return;
    }
    if (owner != null) {
      throw new IllegalStateException("this CurlEasy is in " + ownerName + "; remove it there "
          + "(or wait for its transfer to finish) before closing it");
    }
    LibCurl.curl_easy_cleanup(raw);
    for (Object o : attached.values()) {
      if (o instanceof CurlShare s) {
        s.detached(this);
      }
    }
    attached.clear();
    cleanable.clean();
  }

  /** @return whether {@link #close()} has freed the handle */
  public boolean isClosed() {
    return raw.isClosed();
  }

  // --- pause, escape, connect-only, upkeep -------------------------------------------------

  /**
   * Pauses or resumes the transfer ({@code curl_easy_pause}).
   *
   * @param bitmask {@link Pause#RECV}, {@link Pause#SEND}, {@link Pause#ALL} or
   *     {@link Pause#CONT}
   * @return this handle
   * @throws CurlException when libcurl refuses
   */
  public CurlEasy pause(int bitmask) throws CurlException {
    check(callingBack(() -> LibCurl.curl_easy_pause(raw, bitmask)));
    return this;
  }

  /**
   * Resumes a paused transfer in both directions ({@code curl_easy_pause(CURLPAUSE_CONT)}).
   *
   * @return this handle
   * @throws CurlException when libcurl refuses
   */
  public CurlEasy unpause() throws CurlException {
    return pause(Pause.CONT);
  }

  /** {@code CURLPAUSE_*} bits for {@link #pause(int)}. */
  public static final class Pause {
    /** {@code CURLPAUSE_RECV}. */
    public static final int RECV = 1;
    /** {@code CURLPAUSE_SEND}. */
    public static final int SEND = 1 << 2;
    /** {@code CURLPAUSE_ALL}. */
    public static final int ALL = RECV | SEND;
    /** {@code CURLPAUSE_CONT}. */
    public static final int CONT = 0;

    private Pause() {
    }
  }

  /**
   * URL-encodes a string (its UTF-8 bytes) ({@code curl_easy_escape}).
   *
   * @param s the text
   * @return the encoded text
   */
  public String escape(String s) {
    return LibCurl.curl_easy_escape(raw, s, 0);
  }

  /**
   * URL-decodes a string ({@code curl_easy_unescape}).
   *
   * @param s the encoded text
   * @return the decoded text, as UTF-8
   */
  public String unescape(String s) {
    return LibCurl.curl_easy_unescape(raw, s, 0, null);
  }

  /**
   * Receives raw bytes on a {@code CURLOPT_CONNECT_ONLY} connection ({@code curl_easy_recv}).
   *
   * @param buffer where to receive
   * @param offset where in it
   * @param length at most this many bytes
   * @return the bytes received, 0 when none are ready yet (CURLE_AGAIN), -1 when the peer
   *     closed the connection
   * @throws CurlException on other errors
   */
  public int recv(byte[] buffer, int offset, int length) throws CurlException {
    java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
    byte[] target = offset == 0 ? buffer : new byte[length];
    long[] n = new long[1];
    int rc = LibCurl.curl_easy_recv(raw, target, length, n);
    if (rc == LibCurl.CURLE_AGAIN) {
      return 0;
    }
    check(rc);
    if (n[0] == 0 && length > 0) {
      return -1;
    }
    if (target != buffer) {
      System.arraycopy(target, 0, buffer, offset, (int) n[0]);
    }
    return (int) n[0];
  }

  /**
   * Sends raw bytes on a {@code CURLOPT_CONNECT_ONLY} connection ({@code curl_easy_send}).
   *
   * @param buffer what to send
   * @param offset where in it
   * @param length how many bytes
   * @return the bytes sent, 0 when the socket cannot take any now (CURLE_AGAIN)
   * @throws CurlException on other errors
   */
  public int send(byte[] buffer, int offset, int length) throws CurlException {
    java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
    byte[] source = offset == 0 ? buffer : java.util.Arrays.copyOfRange(buffer, offset,
        offset + length);
    long[] n = new long[1];
    int rc = LibCurl.curl_easy_send(raw, source, length, n);
    if (rc == LibCurl.CURLE_AGAIN) {
      return 0;
    }
    check(rc);
    return (int) n[0];
  }

  /**
   * Keeps idle connections alive, for protocols that need it ({@code curl_easy_upkeep}).
   *
   * @throws CurlException on error
   */
  public void upkeep() throws CurlException {
    check(LibCurl.curl_easy_upkeep(raw));
  }

  /**
   * Exports the TLS sessions of the handle's session cache ({@code curl_easy_ssls_export}).
   * libcurl keeps that cache in the multi handle that drives a transfer, so between
   * transfers only a {@link CurlShare} sharing {@link CurlShare.Data#SSL_SESSION} holds
   * sessions: set one on the handle to export (and to import) them.
   *
   * @return the sessions
   * @throws CurlException when libcurl refuses
   */
  public List<TlsSession> exportTlsSessions() throws CurlException {
    List<TlsSession> out = new ArrayList<>();
    check(callingBack(() -> LibCurl.curl_easy_ssls_export(raw, (curl, ud, key, shmac, sdata,
        validUntil, version, alpn, early) -> {
          out.add(new TlsSession(key, shmac, sdata, validUntil, version, alpn, early));
          return LibCurl.CURLE_OK;
        }, null)));
    return out;
  }

  /**
   * Imports a TLS session into the handle's cache ({@code curl_easy_ssls_import}): into its
   * {@link CurlShare}, which must share {@link CurlShare.Data#SSL_SESSION}.
   *
   * @param session a session from {@link #exportTlsSessions()}
   * @throws CurlException when libcurl refuses it
   */
  public void importTlsSession(TlsSession session) throws CurlException {
    int rc = LibCurl.curl_easy_ssls_import(raw, session.sessionKey(), session.shmac(),
        session.data());
    check(rc);
  }

  /**
   * The metadata of the WebSocket frame being delivered, inside a write callback of a
   * {@code ws://} transfer in callback mode ({@code curl_ws_meta}).
   *
   * @return the frame, or empty outside such a callback
   */
  public Optional<CurlWebSocket.Frame> wsMeta() {
    io.curlew.raw.curl_ws_frame f = LibCurl.curl_ws_meta(raw);
    return f == null ? Optional.empty()
        : Optional.of(new CurlWebSocket.Frame(f.flags, f.offset, f.bytesleft, (int) f.len));
  }

  /**
   * Sends a WebSocket frame on this handle's connection ({@code curl_ws_send}), for
   * callback-mode transfers (from inside a callback the call blocks until it is sent).
   *
   * @param data the payload
   * @param flags {@link CurlWebSocket#TEXT}, {@link CurlWebSocket#BINARY}, ... bits
   * @return the payload bytes libcurl took
   * @throws CurlException when sending fails
   */
  public long wsSend(byte[] data, int flags) throws CurlException {
    long[] sent = new long[1];
    int rc = LibCurl.curl_ws_send(raw, data, data.length, sent, 0, flags);
    check(rc);
    return sent[0];
  }

  // --- convenience ------------------------------------------------------------------------

  /**
   * @param url the URL ({@code CURLOPT_URL})
   * @return this handle
   */
  public CurlEasy url(String url) {
    return setOption(CurlOption.URL, url);
  }

  /**
   * A GET request ({@code CURLOPT_HTTPGET}); the default.
   *
   * @return this handle
   */
  public CurlEasy get() {
    setOption(CurlOption.CUSTOMREQUEST, null);
    return setOption(CurlOption.HTTPGET, true);
  }

  /**
   * A HEAD request: no body is asked for ({@code CURLOPT_NOBODY}).
   *
   * @return this handle
   */
  public CurlEasy head() {
    setOption(CurlOption.CUSTOMREQUEST, null);
    return setOption(CurlOption.NOBODY, true);
  }

  /**
   * A POST with this body ({@code CURLOPT_POSTFIELDSIZE_LARGE} and
   * {@code CURLOPT_COPYPOSTFIELDS}; the bytes are copied).
   *
   * @param body the request body
   * @return this handle
   */
  public CurlEasy post(byte[] body) {
    setOption(CurlOption.POSTFIELDSIZE_LARGE, (long) body.length);
    return setOption(CurlOption.COPYPOSTFIELDS, body);
  }

  /**
   * A POST with a UTF-8 text body ({@code CURLOPT_COPYPOSTFIELDS}).
   *
   * @param body the request body
   * @return this handle
   */
  public CurlEasy post(String body) {
    return post(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A PUT with this body, uploaded from a native copy that libcurl can rewind
   * ({@code CURLOPT_UPLOAD}, {@code CURLOPT_READFUNCTION}, {@code CURLOPT_INFILESIZE_LARGE}).
   *
   * @param body the request body
   * @return this handle
   */
  public CurlEasy put(byte[] body) {
    upload(body);
    return this;
  }

  /**
   * Uploads these bytes ({@code CURLOPT_UPLOAD}; a PUT for HTTP), from a native copy that
   * libcurl can rewind for redirects and retries.
   *
   * @param body the bytes
   * @return this handle
   */
  public CurlEasy upload(byte[] body) {
    kept.remove(CurlOption.READFUNCTION);
    kept.remove(CurlOption.SEEKFUNCTION);
    CurlewExtensions.setUpload(raw, body);
    return setOption(CurlOption.UPLOAD, true);
  }

  /**
   * Uploads from a stream ({@code CURLOPT_UPLOAD}, {@code CURLOPT_READFUNCTION}, and
   * {@code CURLOPT_INFILESIZE_LARGE} when the size is known). A stream cannot be rewound,
   * so a redirect that needs the body again fails.
   *
   * @param in the data; read on the transfer's thread, not closed
   * @param size the number of bytes, or -1 when unknown (then HTTP uses chunked encoding)
   * @return this handle
   */
  public CurlEasy uploadFrom(InputStream in, long size) {
    byte[][] scratch = new byte[1][];
    setOption(CurlOption.READFUNCTION, (ReadCallback) buf -> {
      int n = buf.length();
      if (scratch[0] == null || scratch[0].length < n) {
        scratch[0] = new byte[n];
      }
      int got = in.read(scratch[0], 0, n);
      if (got <= 0) {
        return 0;
      }
      buf.put(0, scratch[0], 0, got);
      return got;
    });
    setOption(CurlOption.INFILESIZE_LARGE, size);
    return setOption(CurlOption.UPLOAD, true);
  }

  /**
   * Uploads a file ({@code CURLOPT_UPLOAD}, {@code CURLOPT_READFUNCTION},
   * {@code CURLOPT_SEEKFUNCTION}, {@code CURLOPT_INFILESIZE_LARGE}); the file is opened at
   * each transfer's first read and can be rewound.
   *
   * @param file the file
   * @return this handle
   * @throws IOException when its size cannot be read
   */
  public CurlEasy uploadFrom(Path file) throws IOException {
    long size = Files.size(file);
    FileSource source = new FileSource(file);
    setOption(CurlOption.READFUNCTION, source);
    setOption(CurlOption.SEEKFUNCTION, source);
    setOption(CurlOption.INFILESIZE_LARGE, size);
    return setOption(CurlOption.UPLOAD, true);
  }

  /** Reads a file for uploads, reopening it after the end so the handle can be reused. */
  private static final class FileSource implements ReadCallback, SeekCallback {
    private final Path file;
    private FileChannel channel;
    private ByteBuffer scratch;

    FileSource(Path file) {
      this.file = file;
    }

    private FileChannel channel() throws IOException {
      if (channel == null) {
        channel = FileChannel.open(file, StandardOpenOption.READ);
      }
      return channel;
    }

    @Override
    public int read(Chunk buffer) throws IOException {
      int n = buffer.length();
      if (scratch == null || scratch.capacity() < n) {
        scratch = ByteBuffer.allocate(n);
      }
      scratch.clear().limit(n);
      int got = channel().read(scratch);
      if (got <= 0) {
        channel.close();
        channel = null;
        return 0;
      }
      buffer.put(0, scratch.array(), 0, got);
      return got;
    }

    @Override
    public int seek(long offset, int origin) throws IOException {
      FileChannel c = channel();
      long base = origin == 1 ? c.position() : origin == 2 ? c.size() : 0;
      c.position(base + offset);
      return SeekCallback.OK;
    }
  }

  /**
   * Sends the response body to a stream ({@code CURLOPT_WRITEFUNCTION}); the stream is not
   * closed.
   *
   * @param out the stream, or null to collect the body in memory again
   * @return this handle
   */
  public CurlEasy downloadTo(OutputStream out) {
    if (out == null) {
      return onData(null);
    }
    installStreamWriter(out);
    return this;
  }

  private void installStreamWriter(OutputStream out) {
    BodyTarget target = bodyTarget == BodyTarget.FILE ? BodyTarget.FILE : BodyTarget.CALLBACK;
    setOption(CurlOption.WRITEFUNCTION, chunk -> {
      chunk.writeTo(out);
      return WriteCallback.CONTINUE;
    });
    bodyTarget = target;
  }

  /**
   * Writes the response body to a file, created or truncated at each {@link #perform()}
   * ({@code CURLOPT_WRITEFUNCTION}).
   *
   * @param file the file
   * @return this handle
   */
  public CurlEasy downloadTo(Path file) {
    CurlewExtensions.setSink(raw, CurlewExtensions.SINK_JAVA, -1);
    bodyTarget = BodyTarget.FILE;
    downloadPath = file;
    return this;
  }

  /**
   * Hands the response body to a callback, chunk by chunk ({@code CURLOPT_WRITEFUNCTION}).
   *
   * @param callback the callback, or null to collect the body in memory again
   * @return this handle
   */
  public CurlEasy onData(WriteCallback callback) {
    return setOption(CurlOption.WRITEFUNCTION, callback);
  }

  /**
   * Drops the response body in native code, counting only its size: the cheapest sink, for
   * when only status and headers matter.
   *
   * @return this handle
   */
  public CurlEasy discardBody() {
    setOption(CurlOption.WRITEFUNCTION, null);
    bodyTarget = BodyTarget.DISCARD;
    CurlewExtensions.setSink(raw, CurlewExtensions.SINK_DISCARD, -1);
    return this;
  }

  /** @return the bytes the last transfer's body had, for every body target */
  public long bodySize() {
    return bodyTarget == BodyTarget.MEMORY || bodyTarget == BodyTarget.DISCARD
        ? CurlewExtensions.sinkSize(raw) : getInfo(CurlInfo.SIZE_DOWNLOAD_T);
  }

  /**
   * The most bytes a response body collected in memory may have; a larger one fails the
   * transfer with CURLE_WRITE_ERROR. Default {@link #DEFAULT_BODY_LIMIT}.
   *
   * @param bytes the limit
   * @return this handle
   */
  public CurlEasy bodyLimit(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative body limit");
    }
    bodyLimit = bytes;
    if (bodyTarget == BodyTarget.MEMORY) {
      CurlewExtensions.setSink(raw, CurlewExtensions.SINK_BUFFER, bytes);
    }
    return this;
  }

  /**
   * A custom request method ({@code CURLOPT_CUSTOMREQUEST}), e.g. "DELETE" or "PATCH".
   *
   * @param method the method
   * @return this handle
   */
  public CurlEasy method(String method) {
    if (!method.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException("not a valid HTTP method: " + method);
    }
    if (method.equals("HEAD")) {
      return head();
    }
    setOption(CurlOption.NOBODY, false);
    return setOption(CurlOption.CUSTOMREQUEST, method.equals("GET") ? null : method);
  }

  /**
   * Adds a request header ({@code CURLOPT_HTTPHEADER}).
   *
   * @param name the name (an HTTP token)
   * @param value the value; CR and LF are rejected
   * @return this handle
   */
  public CurlEasy header(String name, String value) {
    checkHeaderName(name);
    checkNoNewline(value);
    List<String> next = new ArrayList<>(headers);
    next.add(value.isEmpty() ? name + ";" : name + ": " + value);
    return setOption(CurlOption.HTTPHEADER, next);
  }

  /**
   * Stops libcurl from sending a header it would add itself, such as {@code Accept} or
   * {@code User-Agent}, by adding {@code "Name:"} to {@code CURLOPT_HTTPHEADER}.
   *
   * @param name the header name (an HTTP token)
   * @return this handle
   */
  public CurlEasy removeHeader(String name) {
    checkHeaderName(name);
    List<String> next = new ArrayList<>(headers);
    next.add(name + ":");
    return setOption(CurlOption.HTTPHEADER, next);
  }

  private static void checkHeaderName(String name) {
    if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException("not a valid header name: " + name);
    }
  }

  /** @return the request headers set with {@link #header} or HTTPHEADER */
  public List<String> requestHeaders() {
    return Collections.unmodifiableList(headers);
  }

  /**
   * Follows redirects ({@code CURLOPT_FOLLOWLOCATION}), to http and https URLs only unless
   * {@link #protocols} allows more.
   *
   * @param follow whether to follow
   * @return this handle
   */
  public CurlEasy followRedirects(boolean follow) {
    return setOption(CurlOption.FOLLOWLOCATION, follow ? 1L : 0L);
  }

  /**
   * @param max the most redirects to follow ({@code CURLOPT_MAXREDIRS}); -1 for no limit
   * @return this handle
   */
  public CurlEasy maxRedirects(long max) {
    return setOption(CurlOption.MAXREDIRS, max);
  }

  /**
   * @param timeout the longest the whole transfer may take ({@code CURLOPT_TIMEOUT_MS})
   * @return this handle
   */
  public CurlEasy timeout(Duration timeout) {
    return setOption(CurlOption.TIMEOUT_MS, timeout);
  }

  /**
   * @param timeout the longest connecting may take ({@code CURLOPT_CONNECTTIMEOUT_MS})
   * @return this handle
   */
  public CurlEasy connectTimeout(Duration timeout) {
    return setOption(CurlOption.CONNECTTIMEOUT_MS, timeout);
  }

  /**
   * @param userAgent the User-Agent header ({@code CURLOPT_USERAGENT})
   * @return this handle
   */
  public CurlEasy userAgent(String userAgent) {
    return setOption(CurlOption.USERAGENT, userAgent);
  }

  /**
   * @param on libcurl's verbose output ({@code CURLOPT_VERBOSE}), logged to the
   *     System.Logger {@code io.curlew.wire}
   * @return this handle
   */
  public CurlEasy verbose(boolean on) {
    return setOption(CurlOption.VERBOSE, on);
  }

  /**
   * Pins host names to addresses ({@code CURLOPT_RESOLVE}).
   *
   * @param entries "host:port:address[,address]..." entries
   * @return this handle
   */
  public CurlEasy resolve(String... entries) {
    return setOption(CurlOption.RESOLVE, List.of(entries));
  }

  /**
   * Connects to another host and port than the URL names ({@code CURLOPT_CONNECT_TO}).
   *
   * @param entries "host:port:connect-host:connect-port" entries
   * @return this handle
   */
  public CurlEasy connectTo(String... entries) {
    return setOption(CurlOption.CONNECT_TO, List.of(entries));
  }

  /**
   * @param version the HTTP version to use ({@code CURLOPT_HTTP_VERSION})
   * @return this handle
   */
  public CurlEasy httpVersion(HttpVersion version) {
    return setOption(CurlOption.HTTP_VERSION, version);
  }

  /**
   * The range of TLS versions to accept ({@code CURLOPT_SSLVERSION} with the maximum or-ed
   * in, as C does).
   *
   * @param min the lowest version
   * @param max the highest version
   * @return this handle
   */
  public CurlEasy tlsVersions(SslVersion min, SslVersionMax max) {
    int rc = LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_SSLVERSION, min.value() | max.value());
    return check(rc, CurlOption.SSLVERSION);
  }

  /**
   * Allows more protocols than the default http and https, for transfers and redirects
   * ({@code CURLOPT_PROTOCOLS_STR}, {@code CURLOPT_REDIR_PROTOCOLS_STR}).
   *
   * @param protocols comma-separated, e.g. "http,https,ftp,file"
   * @return this handle
   */
  public CurlEasy protocols(String protocols) {
    setOption(CurlOption.PROTOCOLS_STR, protocols);
    return setOption(CurlOption.REDIR_PROTOCOLS_STR, protocols);
  }

  /**
   * Reports progress ({@code CURLOPT_XFERINFOFUNCTION}; turns {@code CURLOPT_NOPROGRESS}
   * off).
   *
   * @param callback the callback, or null
   * @return this handle
   */
  public CurlEasy onProgress(ProgressCallback callback) {
    return setOption(CurlOption.XFERINFOFUNCTION, callback);
  }

  /**
   * Runs a libcurl call that may call back into Java: a callback's unchecked exception
   * comes out as it is, a checked one as the cause of an aborted-by-callback exception.
   */
  private static int callingBack(java.util.function.IntSupplier call)
      throws CurlAbortedByCallbackException {
    try {
      return call.getAsInt();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new CurlAbortedByCallbackException(LibCurl.CURLE_ABORTED_BY_CALLBACK, null, t);
    }
  }

  /** Throws the CurlException for a CURLcode other than CURLE_OK. */
  private void check(int rc) throws CurlException {
    if (rc != LibCurl.CURLE_OK) {
      throw CurlException.of(rc, CurlewExtensions.errorBuffer(raw), null);
    }
  }

  @Override
  public String toString() {
    return "CurlEasy[" + (raw.isClosed() ? "closed" : Long.toHexString(raw.nativeAddress()))
        + "]";
  }
}
