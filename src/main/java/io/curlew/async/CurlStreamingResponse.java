package io.curlew.async;

import io.curlew.HttpVersion;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * A response whose body arrives as a stream, from {@link CurlClient#stream}: the status
 * and headers are known, the body is a {@link Flow.Publisher} of {@link ByteBuffer}s with
 * backpressure. While the subscriber has no demand, curlew stops reading from the socket
 * ({@code curl_easy_pause}) once a small buffer is full, and resumes when demand comes.
 * The publisher takes one subscriber.
 */
public final class CurlStreamingResponse {

  private final CurlRequest request;
  private final int status;
  private final HttpVersion version;
  private final CurlResponse headers;
  private final Flow.Publisher<ByteBuffer> body;

  CurlStreamingResponse(CurlRequest request, int status, HttpVersion version, byte[] rawHeaders,
      Flow.Publisher<ByteBuffer> body) {
    this.request = request;
    this.status = status;
    this.version = version;
    this.headers = new CurlResponse(request, status, version, rawHeaders, new byte[0], -1);
    this.body = body;
  }

  /** @return the request this answers */
  public CurlRequest request() {
    return request;
  }

  /** @return the status code */
  public int status() {
    return status;
  }

  /** @return the HTTP version used */
  public HttpVersion version() {
    return version;
  }

  /**
   * @param name a header name, case-insensitive
   * @return its last value
   */
  public Optional<String> header(String name) {
    return headers.header(name);
  }

  /** @return the headers by case-insensitive name */
  public Map<String, List<String>> headers() {
    return headers.headers();
  }

  /**
   * @return the body; each buffer is the subscriber's to keep. The stream ends with
   *     onComplete, or onError with the transfer's CurlException
   */
  public Flow.Publisher<ByteBuffer> body() {
    return body;
  }
}
