package io.curlew.async;

import io.curlew.HttpVersion;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A finished HTTP exchange from {@link CurlClient#send}: status, headers and body, copied
 * out of native memory once when the transfer finished. Headers are parsed on first use.
 */
public final class CurlResponse {

  private final CurlRequest request;
  private final int status;
  private final HttpVersion version;
  private final byte[] rawHeaders;
  private final byte[] body;
  private final long connectionId;
  private Map<String, List<String>> headers;

  CurlResponse(CurlRequest request, int status, HttpVersion version, byte[] rawHeaders,
      byte[] body, long connectionId) {
    this.request = request;
    this.status = status;
    this.version = version;
    this.rawHeaders = rawHeaders;
    this.body = body;
    this.connectionId = connectionId;
  }

  /**
   * @return the id of the connection the exchange used ({@code CURLINFO_CONN_ID}); unique
   *     within the client's loop that ran it, so equal ids mean a reused connection
   */
  public long connectionId() {
    return connectionId;
  }

  /** @return the request this answers */
  public CurlRequest request() {
    return request;
  }

  /** @return the status code of the last response ({@code CURLINFO_RESPONSE_CODE}) */
  public int status() {
    return status;
  }

  /** @return the HTTP version used ({@code CURLINFO_HTTP_VERSION}) */
  public HttpVersion version() {
    return version;
  }

  /** @return the body */
  public byte[] body() {
    return body;
  }

  /** @return the body decoded with the Content-Type's charset, UTF-8 by default */
  public String bodyAsString() {
    Charset cs = StandardCharsets.UTF_8;
    String type = header("Content-Type").orElse("");
    int i = type.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (i >= 0) {
      try {
        cs = Charset.forName(type.substring(i + 8).replace("\"", "").split("[;\\s]")[0]);
      } catch (RuntimeException ignored) {
        cs = StandardCharsets.UTF_8;
      }
    }
    return new String(body, cs);
  }

  /**
   * @param name a header name, case-insensitive
   * @return the last value the final response gave it
   */
  public Optional<String> header(String name) {
    List<String> v = headers().get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  /** @return the final response's headers by case-insensitive name, in order */
  public synchronized Map<String, List<String>> headers() {
    if (headers == null) {
      headers = parse(rawHeaders);
    }
    return headers;
  }

  /** The last response's header block: redirects and 1xx responses come before it. */
  private static Map<String, List<String>> parse(byte[] raw) {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    String[] lines = all.split("\r?\n");
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("HTTP/")) {
        start = i + 1;
      }
    }
    Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = start; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        m.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    m.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return "CurlResponse[" + status + " " + request + ", " + body.length + " bytes]";
  }
}
