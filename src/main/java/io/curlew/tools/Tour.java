package io.curlew.tools;

import static io.curlew.raw.LibCurl.*;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.curlew.Curl;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlMime;
import io.curlew.CurlMulti;
import io.curlew.CurlOption;
import io.curlew.CurlShare;
import io.curlew.CurlUrl;
import io.curlew.VersionInfo;
import io.curlew.async.CurlClient;
import io.curlew.async.CurlRequest;
import io.curlew.async.CurlResponse;
import io.curlew.raw.CURL;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * A tour of curlew: starts a small HTTP server on 127.0.0.1 and drives real transfers
 * against it through each of curlew's layers, printing what happened. The drop-in jar's
 * main class: {@code java -jar curlew-<version>-all.jar [url]} (with a URL, the first steps
 * fetch it instead).
 */
public final class Tour {

  private final PrintStream out = System.out;
  private final String base;

  private Tour(String base) {
    this.base = base;
  }

  /**
   * @param args an optional URL to fetch in the first steps
   * @throws Exception when a step fails
   */
  public static void main(String[] args) throws Exception {
    HttpServer server = startServer();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      new Tour(base).run(args.length > 0 ? args[0] : base + "/hello");
    } finally {
      server.stop(0);
    }
  }

  private void run(String first) throws Exception {
    VersionInfo v = Curl.versionInfo();
    step("the bundled libcurl");
    out.println("  " + Curl.version());
    out.println("  features: " + String.join(" ", v.features()));
    out.println("  protocols: " + String.join(" ", v.protocols()));

    step("CurlEasy: one GET, typed post-transfer info");
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(first).perform();
      out.printf("  %d %s, %d bytes, total %s, connect %s%n", easy.responseCode(),
          easy.header("Content-Type").orElse("?"), easy.body().length,
          easy.getInfo(CurlInfo.TOTAL_TIME_T), easy.getInfo(CurlInfo.CONNECT_TIME_T));
      out.println("  body: " + abbreviate(easy.bodyAsString()));

      step("the same handle again: the connection is reused");
      easy.perform();
      out.printf("  new connections: %d, connection id %d%n",
          easy.getInfo(CurlInfo.NUM_CONNECTS), easy.getInfo(CurlInfo.CONN_ID));

      step("POST with headers, redirects followed");
      easy.reset().url(base + "/echo").header("X-Tour", "yes").post("name=curlew");
      easy.perform();
      out.println("  server saw: " + abbreviate(easy.bodyAsString().replace("\n", " | ")));
      easy.reset().url(base + "/redirect").followRedirects(true).perform();
      out.printf("  %d after %d redirect(s), landed on %s%n", easy.responseCode(),
          easy.getInfo(CurlInfo.REDIRECT_COUNT), easy.getInfo(CurlInfo.EFFECTIVE_URL));

      step("errors are exceptions with libcurl's code and detail");
      easy.reset().url(base + "/slow").timeout(Duration.ofMillis(200));
      try {
        easy.perform();
      } catch (CurlException e) {
        out.println("  " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      easy.reset().url("file:///etc/hostname");
      try {
        easy.perform();
      } catch (CurlException e) {
        out.println("  file:// is off by default: " + e.code());
      }
    }

    step("CurlMulti: three transfers on one thread with perform + poll");
    try (CurlMulti multi = new CurlMulti()) {
      List<CurlEasy> handles = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        CurlEasy e = new CurlEasy().url(base + "/hello?n=" + i);
        handles.add(e);
        multi.add(e);
      }
      while (multi.perform() > 0) {
        multi.poll(Duration.ofSeconds(1));
      }
      for (CurlMulti.Done d; (d = multi.infoRead().orElse(null)) != null; ) {
        out.println("  done: " + d.easy().getInfo(CurlInfo.EFFECTIVE_URL) + " -> " + d.code());
      }
      for (CurlEasy e : handles) {
        multi.remove(e);
        e.close();
      }
    }

    step("CurlClient: 1,000 requests on the native epoll engine (the JDK's small test server"
        + " sets the pace)");
    try (CurlClient client = CurlClient.builder().loops(2).build()) {
      long t0 = System.nanoTime();
      List<CompletableFuture<CurlResponse>> fs = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        fs.add(client.send(CurlRequest.get(base + "/hello")));
      }
      CompletableFuture.allOf(fs.toArray(new CompletableFuture<?>[0])).join();
      long ok = fs.stream().filter(f -> f.join().status() == 200).count();
      out.printf("  %d/1000 OK in %d ms on %d loops%n", ok,
          (System.nanoTime() - t0) / 1_000_000, client.loops());
    }

    step("the raw layer: libcurl's C API under its C names");
    CURL curl = curl_easy_init();
    try {
      curl_easy_setopt(curl, CURLOPT_URL, base + "/hello");
      StringBuilder body = new StringBuilder();
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (io.curlew.raw.curl_write_callback)
          (ptr, size, n, ud) -> {
            body.append(new String(ptr.toArray(), StandardCharsets.UTF_8));
            return size * n;
          });
      int rc = curl_easy_perform(curl);
      long[] code = new long[1];
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, code);
      out.printf("  curl_easy_perform -> %d (%s), HTTP %d, body \"%s\"%n", rc,
          curl_easy_strerror(rc), code[0], body);
    } finally {
      curl_easy_cleanup(curl);
    }

    step("the URL API, MIME and a share handle");
    try (CurlUrl url = CurlUrl.parse(base + "/path/../a%20b?x=1")) {
      url.set(CurlUrl.Part.QUERY, "name=a b&c", CurlUrl.Flags.URLENCODE
          | CurlUrl.Flags.APPENDQUERY);
      out.println("  parsed: host " + url.get(CurlUrl.Part.HOST) + ", port "
          + url.get(CurlUrl.Part.PORT) + ", path " + url.get(CurlUrl.Part.PATH, 
          CurlUrl.Flags.URLDECODE) + ", whole " + url);
    }
    try (CurlShare share = new CurlShare(CurlShare.Data.DNS, CurlShare.Data.SSL_SESSION);
        CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.SHARE, share).url(base + "/echo");
      try (CurlMime form = new CurlMime(easy)) {
        form.addPart().name("field").data("value");
        form.addPart().name("file").filename("a.txt").type("text/plain").data("contents");
        easy.setOption(CurlOption.MIMEPOST, form).perform();
        out.println("  multipart POST: server saw " + easy.body().length + " bytes, "
            + abbreviate(easy.header("Content-Length").orElse("?")) + " long");
      }
      easy.setOption(CurlOption.SHARE, null);
    }
    step("done");
  }

  private void step(String title) {
    out.println();
    out.println("== " + title);
  }

  private static String abbreviate(String s) {
    return s.length() > 100 ? s.substring(0, 97) + "..." : s;
  }

  /** A small server with the routes the tour uses. */
  private static HttpServer startServer() throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "tour-server");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/hello", x -> reply(x, 200, "hello from the tour server"));
    server.createContext("/echo", x -> {
      byte[] body = x.getRequestBody().readAllBytes();
      StringBuilder b = new StringBuilder(x.getRequestMethod() + " " + x.getRequestURI() + "\n");
      x.getRequestHeaders().forEach((k, v) -> b.append(k).append(": ")
          .append(String.join(",", v)).append('\n'));
      b.append('\n').append(new String(body, StandardCharsets.ISO_8859_1));
      reply(x, 200, b.toString());
    });
    server.createContext("/redirect", x -> {
      x.getResponseHeaders().add("Location", "/hello");
      reply(x, 302, "moved");
    });
    server.createContext("/slow", x -> {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(x, 200, "slow");
    });
    server.start();
    return server;
  }

  private static void reply(HttpExchange x, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    x.sendResponseHeaders(status, b.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(b);
    }
  }
}
