package io.curlew.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * An embedded Jetty 12 server on 127.0.0.1 for the tests: HTTP/1.1 and h2c on one port,
 * HTTP/2 and HTTP/1.1 over TLS (ALPN, the test CA's certificate) on another. One server is
 * shared by the whole test run.
 *
 * <p>Routes: {@code /hello}; {@code /echo} (method, headers and body back); {@code /status/N};
 * {@code /redirect/N} (N redirects, then "done"); {@code /bytes?size=N} (N bytes of a known
 * pattern, see {@link #pattern}); {@code /slow?ms=N} (holds a server thread);
 * {@code /delay?ms=N&body=B} (answers B after N ms without holding a thread);
 * {@code /cookie/set?name&value};
 * {@code /cookie/show}; {@code /upload} (size and SHA-256 of the body); {@code /proto}
 * (the request's HTTP version); {@code /port} (the client's port, to tell connections
 * apart); {@code /header?name&value} (sets a response header); {@code /ws} (a WebSocket
 * echo endpoint, see {@link EchoSocket}).
 */
public final class TestServer {

  private static TestServer instance;

  private final Server server;
  private final ServerConnector plain;
  private final ServerConnector tls;
  /** requests served, for tests that count them */
  public final AtomicInteger requests = new AtomicInteger();

  private TestServer() throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(64, 4);
    pool.setName("test-server");
    pool.setDaemon(true);
    server = new Server(pool);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(http);
    h2c.setMaxConcurrentStreams(1024);
    plain = new ServerConnector(server, new HttpConnectionFactory(http), h2c);
    plain.setHost("127.0.0.1");
    plain.setPort(0);
    plain.setAcceptQueueSize(4096);

    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer src = new SecureRequestCustomizer();
    src.setSniHostCheck(false);
    https.addCustomizer(src);
    HttpConnectionFactory h1 = new HttpConnectionFactory(https);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
    h2.setMaxConcurrentStreams(1024);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(h1.getProtocol());
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(TestCertificates.get().serverKeyStore);
    ssl.setKeyStorePassword(new String(TestCertificates.PASSWORD));
    ssl.setSniRequired(false);
    tls = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
        h2, h1);
    tls.setHost("127.0.0.1");
    tls.setPort(0);
    tls.setAcceptQueueSize(4096);

    server.addConnector(plain);
    server.addConnector(tls);
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
      container.setMaxTextMessageSize(32L << 20);
      container.setMaxBinaryMessageSize(32L << 20);
      container.addMapping("/ws", (rq, rs, cb) -> new EchoSocket());
    });
    ws.setHandler(new Routes());
    server.setHandler(ws);
    server.start();
  }

  /** @return the shared server, started on first use */
  public static synchronized TestServer get() {
    if (instance == null) {
      try {
        instance = new TestServer();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the test server", e);
      }
    }
    return instance;
  }

  /** @return the plain-HTTP port (HTTP/1.1 and h2c) */
  public int port() {
    return plain.getLocalPort();
  }

  /** @return the TLS port (h2 and http/1.1 by ALPN) */
  public int tlsPort() {
    return tls.getLocalPort();
  }

  /** @param path a path starting with / @return its http://127.0.0.1 URL */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** @param path a path starting with / @return its https://127.0.0.1 URL */
  public String tlsUrl(String path) {
    return "https://127.0.0.1:" + tlsPort() + path;
  }

  /** @param i a position @return the byte /bytes serves there */
  public static byte pattern(long i) {
    return (byte) ((i * 31 + 7) % 251);
  }

  /** @param size a length @return the body /bytes?size=N serves */
  public static byte[] patternBytes(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = pattern(i);
    }
    return b;
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws Exception {
      requests.incrementAndGet();
      String path = Request.getPathInContext(request);
      Fields query = Request.extractQueryParameters(request);
      if (path.equals("/hello")) {
        text(response, callback, 200, "hello");
      } else if (path.equals("/echo")) {
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        StringBuilder b = new StringBuilder("method=" + request.getMethod() + "\n");
        for (HttpField f : request.getHeaders()) {
          b.append(f.getName()).append(": ").append(f.getValue()).append('\n');
        }
        b.append('\n').append(new String(body, StandardCharsets.ISO_8859_1));
        text(response, callback, 200, b.toString());
      } else if (path.startsWith("/status/")) {
        text(response, callback, Integer.parseInt(path.substring(8)), "status");
      } else if (path.startsWith("/redirect/")) {
        int n = Integer.parseInt(path.substring(10));
        if (n <= 0) {
          text(response, callback, 200, "done");
        } else {
          response.getHeaders().put(HttpHeader.LOCATION, "/redirect/" + (n - 1));
          text(response, callback, 302, "moved");
        }
      } else if (path.equals("/absredirect") || path.equals("/absredirect307")) {
        Content.Source.asInputStream(request).readAllBytes();
        response.getHeaders().put(HttpHeader.LOCATION, query.getValue("to"));
        text(response, callback, path.endsWith("307") ? 307 : 302, "moved");
      } else if (path.equals("/bytes")) {
        long size = Long.parseLong(query.getValue("size"));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, size);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
          byte[] buf = new byte[65536];
          long sent = 0;
          while (sent < size) {
            int n = (int) Math.min(buf.length, size - sent);
            for (int i = 0; i < n; i++) {
              buf[i] = pattern(sent + i);
            }
            out.write(buf, 0, n);
            sent += n;
          }
        }
        callback.succeeded();
      } else if (path.equals("/delay")) {
        // answers after a delay without holding a server thread (long-poll style)
        long ms = Long.parseLong(query.getValue("ms"));
        String body = query.getValue("body") == null ? "delayed" : query.getValue("body");
        request.getComponents().getScheduler().schedule(
            () -> text(response, callback, 200, body), ms, TimeUnit.MILLISECONDS);
      } else if (path.equals("/slow")) {
        Thread.sleep(Long.parseLong(query.getValue("ms")));
        text(response, callback, 200, "slow");
      } else if (path.equals("/cookie/set")) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, query.getValue("name") + "="
            + query.getValue("value") + "; Path=/");
        text(response, callback, 200, "set");
      } else if (path.equals("/cookie/show")) {
        String c = request.getHeaders().get(HttpHeader.COOKIE);
        text(response, callback, 200, c == null ? "" : c);
      } else if (path.equals("/upload")) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (InputStream in = Content.Source.asInputStream(request)) {
          byte[] buf = new byte[65536];
          for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
            size += n;
          }
        }
        text(response, callback, 200, "size=" + size + " sha256="
            + HexFormat.of().formatHex(md.digest()));
      } else if (path.equals("/proto")) {
        text(response, callback, 200, request.getConnectionMetaData().getProtocol());
      } else if (path.equals("/port")) {
        text(response, callback, 200, String.valueOf(Request.getRemotePort(request)));
      } else if (path.equals("/header")) {
        response.getHeaders().add(query.getValue("name"), query.getValue("value"));
        text(response, callback, 200, "header");
      } else {
        text(response, callback, 404, "not found");
      }
      return true;
    }
  }

  private static void text(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    HttpFields.Mutable h = response.getHeaders();
    h.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
