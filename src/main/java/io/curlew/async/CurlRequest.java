package io.curlew.async;

import io.curlew.HttpVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;

/**
 * One HTTP request for {@link CurlClient#send}: method, URL, headers, body and per-request
 * limits. Immutable; build one with {@link #get}, {@link #post} or {@link #newBuilder}.
 */
public final class CurlRequest {

  final String method;
  final String url;
  final List<String> headers;
  final byte[] body;
  final Flow.Publisher<? extends ByteBuffer> bodyPublisher;
  final long bodyLength;
  final Duration timeout;
  final HttpVersion httpVersion;
  final boolean followRedirects;
  final long bodyLimit;

  private CurlRequest(Builder b) {
    this.method = b.method;
    this.url = b.url;
    this.headers = List.copyOf(b.headers);
    this.body = b.body;
    this.bodyPublisher = b.bodyPublisher;
    this.bodyLength = b.bodyLength;
    this.timeout = b.timeout;
    this.httpVersion = b.httpVersion;
    this.followRedirects = b.followRedirects;
    this.bodyLimit = b.bodyLimit;
  }

  /**
   * @param url the URL
   * @return a GET request
   */
  public static CurlRequest get(String url) {
    return newBuilder(url).build();
  }

  /**
   * @param url the URL
   * @param body the request body
   * @return a POST request
   */
  public static CurlRequest post(String url, byte[] body) {
    return newBuilder(url).method("POST").body(body).build();
  }

  /**
   * @param url the URL
   * @return a builder for a GET request to it
   */
  public static Builder newBuilder(String url) {
    return new Builder(url);
  }

  /** @return the method */
  public String method() {
    return method;
  }

  /** @return the URL */
  public String url() {
    return url;
  }

  /** @return the header lines ("Name: value") */
  public List<String> headers() {
    return headers;
  }

  @Override
  public String toString() {
    return method + " " + url;
  }

  /** Builds a {@link CurlRequest}. */
  public static final class Builder {
    private String method = "GET";
    private String url;
    private final List<String> headers = new ArrayList<>();
    private byte[] body;
    private Flow.Publisher<? extends ByteBuffer> bodyPublisher;
    private long bodyLength = -1;
    private Duration timeout;
    private HttpVersion httpVersion;
    private boolean followRedirects;
    private long bodyLimit = -1;

    private Builder(String url) {
      url(url);
    }

    /**
     * @param url the URL ({@code CURLOPT_URL})
     * @return this builder
     */
    public Builder url(String url) {
      checkText(Objects.requireNonNull(url, "url"));
      this.url = url;
      return this;
    }

    /**
     * @param method GET, HEAD, POST, PUT, DELETE, PATCH, ... ({@code CURLOPT_CUSTOMREQUEST}
     *     for the ones libcurl has no switch for)
     * @return this builder
     */
    public Builder method(String method) {
      if (!method.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        throw new IllegalArgumentException("not a valid HTTP method: " + method);
      }
      this.method = method;
      return this;
    }

    /**
     * @param name a header name
     * @param value its value; CR and LF are rejected
     * @return this builder
     */
    public Builder header(String name, String value) {
      if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        throw new IllegalArgumentException("not a valid header name: " + name);
      }
      checkText(value);
      headers.add(value.isEmpty() ? name + ";" : name + ": " + value);
      return this;
    }

    /**
     * @param body the request body (copied to native memory when sent)
     * @return this builder
     */
    public Builder body(byte[] body) {
      this.body = body.clone();
      this.bodyPublisher = null;
      return this;
    }

    /**
     * Streams the request body from a publisher through libcurl's read callback
     * ({@code CURLOPT_READFUNCTION}), with backpressure: the publisher is asked for a few
     * buffers at a time, and the transfer pauses ({@code CURL_READFUNC_PAUSE}) while it
     * waits for the next one. Each send subscribes once, so send a request with a
     * single-use publisher once. A POST sends the body as {@code CURLOPT_POST} with
     * {@code CURLOPT_POSTFIELDSIZE_LARGE}; other methods as an upload
     * ({@code CURLOPT_UPLOAD} with {@code CURLOPT_INFILESIZE_LARGE}, plus
     * {@code CURLOPT_CUSTOMREQUEST} when the method is not PUT). When the method is still
     * GET it becomes POST. An error from the publisher fails the transfer with that error.
     *
     * @param publisher the body's bytes, in order
     * @param length the body's length in bytes, or -1 when unknown (HTTP/1.1 then sends it
     *     chunked); a publisher that ends early fails the transfer
     * @return this builder
     */
    public Builder body(Flow.Publisher<? extends ByteBuffer> publisher, long length) {
      if (length < -1) {
        throw new IllegalArgumentException("length " + length);
      }
      this.bodyPublisher = Objects.requireNonNull(publisher, "publisher");
      this.bodyLength = length;
      this.body = null;
      if (method.equals("GET")) {
        method = "POST";
      }
      return this;
    }

    /**
     * @param text the request body, as UTF-8
     * @return this builder
     */
    public Builder body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param timeout the longest the whole transfer may take ({@code CURLOPT_TIMEOUT_MS})
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * @param version the HTTP version to ask for ({@code CURLOPT_HTTP_VERSION})
     * @return this builder
     */
    public Builder httpVersion(HttpVersion version) {
      this.httpVersion = version;
      return this;
    }

    /**
     * @param follow follow redirects ({@code CURLOPT_FOLLOWLOCATION}), http/https only
     * @return this builder
     */
    public Builder followRedirects(boolean follow) {
      this.followRedirects = follow;
      return this;
    }

    /**
     * @param bytes the most bytes the response body may have; default: the client's
     * @return this builder
     */
    public Builder bodyLimit(long bytes) {
      this.bodyLimit = bytes;
      return this;
    }

    /** @return the request */
    public CurlRequest build() {
      return new CurlRequest(this);
    }

    private static void checkText(String s) {
      if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("CR and LF are not allowed: "
            + s.replace("\r", "\\r").replace("\n", "\\n"));
      }
    }
  }
}
