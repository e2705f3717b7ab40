package io.curlew.async;

import io.curlew.CurlEasy;
import io.curlew.CurlOption;
import io.curlew.HttpVersion;
import io.curlew.internal.EasyAccess;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlewExtensions;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_slist;

/**
 * An easy handle an event loop reuses for {@link CurlRequest}s: configured once with
 * curlew's defaults, a native header collector and a native body buffer, then only the
 * options a request changes are set again, so a small GET costs a handful of downcalls.
 * A request with another method than the last one resets the handle first.
 */
final class PooledHandle {

  final CurlEasy easy;
  final CURL raw;
  private final long defaultBodyLimit;
  private String lastMethod;
  private boolean hadHeaders;
  private boolean hadTimeout;
  private boolean hadVersion;
  private boolean hadFollow;
  private long lastBodyLimit;
  private boolean pipeWait;
  /** feeds the running transfer's streamed request body, or null */
  private PublisherUpload upload;

  PooledHandle(long defaultBodyLimit) {
    this.easy = new CurlEasy();
    this.raw = EasyAccess.get().raw(easy);
    this.defaultBodyLimit = defaultBodyLimit;
    configure();
  }

  private void configure() {
    CurlewExtensions.collectHeaders(raw, true);
    CurlewExtensions.setSink(raw, CurlewExtensions.SINK_BUFFER, defaultBodyLimit);
    lastBodyLimit = defaultBodyLimit;
    lastMethod = "GET";
    hadHeaders = hadTimeout = hadVersion = hadFollow = pipeWait = false;
  }

  /**
   * Sets the handle up for a request.
   */
  void prepare(CurlRequest r, EventLoop loop) {
    boolean streamed = r.bodyPublisher != null;
    if (streamed || !r.method.equals(lastMethod)) {
      easy.reset();
      configure();
      /* a streamed body leaves a read callback behind: the next request resets again */
      lastMethod = streamed ? null : r.method;
    }
    LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_URL, r.url);
    if (streamed) {
      upload = streamBody(r, loop);
    } else {
      setMethodAndBody(r);
    }
    setRequestOptions(r);
  }

  /** The transfer ended: a streamed request body lets go of its publisher. */
  void transferEnded() {
    if (upload != null) {
      upload.close();
      upload = null;
    }
  }

  private PublisherUpload streamBody(CurlRequest r, EventLoop loop) {
    PublisherUpload upload = new PublisherUpload(loop, raw);
    LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_READFUNCTION,
        (curl_read_callback) (buf, size, n, ud) -> upload.read(buf, size * n));
    if (r.method.equals("POST")) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_POST, 1L);
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_POSTFIELDSIZE_LARGE, r.bodyLength);
    } else {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_UPLOAD, 1L);
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_INFILESIZE_LARGE, r.bodyLength);
      if (!r.method.equals("PUT")) {
        LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_CUSTOMREQUEST, r.method);
      }
    }
    r.bodyPublisher.subscribe(upload);
    return upload;
  }

  private void setMethodAndBody(CurlRequest r) {
    switch (r.method) {
      case "GET" -> { }
      case "HEAD" -> LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_NOBODY, 1L);
      case "POST" -> {
        byte[] b = r.body == null ? new byte[0] : r.body;
        LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_POSTFIELDSIZE_LARGE, b.length);
        LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_COPYPOSTFIELDS, b);
      }
      case "PUT" -> {
        CurlewExtensions.setUpload(raw, r.body == null ? new byte[0] : r.body);
        LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_UPLOAD, 1L);
      }
      default -> {
        LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_CUSTOMREQUEST, r.method);
        if (r.body != null) {
          LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_POSTFIELDSIZE_LARGE, r.body.length);
          LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_COPYPOSTFIELDS, r.body);
        }
      }
    }
  }

  private void setRequestOptions(CurlRequest r) {
    if (!r.headers.isEmpty() || hadHeaders) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_HTTPHEADER,
          r.headers.isEmpty() ? null : curl_slist.of(r.headers));
      hadHeaders = !r.headers.isEmpty();
    }
    if (r.timeout != null || hadTimeout) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_TIMEOUT_MS,
          r.timeout == null ? 0L : Math.max(1, r.timeout.toMillis()));
      hadTimeout = r.timeout != null;
    }
    if (r.httpVersion != null || hadVersion) {
      easy.setOption(CurlOption.HTTP_VERSION, r.httpVersion == null ? HttpVersion.NONE
          : r.httpVersion);
      hadVersion = r.httpVersion != null;
    }
    if (r.followRedirects != hadFollow) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_FOLLOWLOCATION, r.followRedirects ? 1L : 0L);
      hadFollow = r.followRedirects;
    }
    // Where the request may go over HTTP/2, wait for a connection that can multiplex
    // rather than open one per stream; over plain HTTP/1.1 waiting would serialize.
    boolean wait = r.url.regionMatches(true, 0, "https:", 0, 6)
        || r.httpVersion == HttpVersion.V2_PRIOR_KNOWLEDGE;
    if (wait != pipeWait) {
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_PIPEWAIT, wait ? 1L : 0L);
      pipeWait = wait;
    }
    long limit = r.bodyLimit >= 0 ? r.bodyLimit : defaultBodyLimit;
    if (limit != lastBodyLimit) {
      CurlewExtensions.setSink(raw, CurlewExtensions.SINK_BUFFER, limit);
      lastBodyLimit = limit;
    }
  }

  /** Puts the native body sink back after a streamed transfer. */
  void restoreSink() {
    CurlewExtensions.setSink(raw, CurlewExtensions.SINK_BUFFER, lastBodyLimit);
  }

  /** Reads the finished transfer's response out of native memory. */
  CurlResponse response(CurlRequest r) {
    long[] v = new long[1];
    LibCurl.curl_easy_getinfo(raw, LibCurl.CURLINFO_RESPONSE_CODE, v);
    int status = (int) v[0];
    LibCurl.curl_easy_getinfo(raw, LibCurl.CURLINFO_HTTP_VERSION, v);
    HttpVersion version = HttpVersion.of(v[0]);
    LibCurl.curl_easy_getinfo(raw, LibCurl.CURLINFO_CONN_ID, v);
    long connection = v[0];
    byte[] headers = CurlewExtensions.headerBytes(raw);
    byte[] body = CurlewExtensions.sinkBytes(raw);
    CurlewExtensions.sinkClear(raw);
    return new CurlResponse(r, status, version, headers, body, connection);
  }

  void close() {
    easy.close();
  }
}
