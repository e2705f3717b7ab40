package io.curlew.bench;

import io.curlew.CurlEasy;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiOption;
import io.curlew.CurlOption;
import io.curlew.HttpVersion;
import io.curlew.async.CurlClient;
import io.curlew.async.CurlRequest;
import io.curlew.callback.WriteCallback;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/** The clients under test, by name. */
final class Clients {

  static Driver create(Config c) throws Exception {
    return switch (c.client) {
      case "curlew-easy" -> new CurlewEasy(c, false);
      case "curlew-easy-ondata" -> new CurlewEasy(c, true);
      case "curlew-multi" -> new CurlewMulti(c);
      case "curlew-engine-1" -> new CurlewEngine(c, 1);
      case "curlew-engine" -> new CurlewEngine(c, Runtime.getRuntime().availableProcessors());
      case "jdk" -> new Jdk(c);
      case "okhttp" -> new OkHttpDrivers.OkHttp(c);
      case "apache-classic" -> new ApacheDrivers.Classic(c);
      case "apache-async" -> new ApacheDrivers.Async(c);
      case "jetty" -> new JettyDriver(c);
      default -> throw new IllegalArgumentException("unknown client " + c.client);
    };
  }

  /** Options every curlew handle gets: the self-signed CA, HTTP/2 where asked. */
  static void configure(CurlEasy e, Config c) {
    if (c.cafile != null) {
      e.setOption(CurlOption.CAINFO, c.cafile);
    }
    if (c.h2) {
      e.httpVersion(HttpVersion.V2TLS);
      e.setOption(CurlOption.PIPEWAIT, true);
    }
  }

  // --- curlew: easy perform loop -------------------------------------------------------------

  /**
   * {@code easy.perform()} in a loop on one handle (connection reuse). Small bodies go to the
   * native buffer and are read with body(); bulk bodies are dropped in C (discardBody) or,
   * with onData, handed to a Java callback per chunk as a zero-copy view.
   */
  static final class CurlewEasy extends Driver {
    private final boolean onData;
    private final ThreadLocal<CurlEasy> handles = new ThreadLocal<>();
    private final List<CurlEasy> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long chunkBytes; // per handle in practice: k == 1 when onData is measured

    CurlewEasy(Config c, boolean onData) {
      super(c);
      this.onData = onData;
    }

    private CurlEasy handle() {
      CurlEasy e = handles.get();
      if (e == null) {
        e = new CurlEasy();
        configure(e, cfg);
        if (cfg.bulk()) {
          if (onData) {
            e.onData(chunk -> {
              chunkBytes += chunk.length();
              return WriteCallback.CONTINUE;
            });
          } else {
            e.discardBody();
          }
        }
        handles.set(e);
        all.add(e);
      }
      return e;
    }

    @Override
    void run(long n, int k) throws Exception {
      threads(n, k, () -> {
        CurlEasy e = handle();
        try {
          e.url(url).perform();
          if (cfg.bulk()) {
            long size = onData ? chunkBytes : e.bodySize();
            chunkBytes = 0;
            done(e.responseCode(), size, null);
          } else {
            done(e.responseCode(), e.body().length, null);
          }
        } catch (Exception ex) {
          done(0, 0, ex);
        }
      });
    }

    @Override
    public void close() {
      all.forEach(CurlEasy::close);
    }
  }

  // --- curlew: CurlMulti + perform/poll ------------------------------------------------------

  /** K handles in one CurlMulti, driven by multi.perform() + multi.poll() on this thread. */
  static final class CurlewMulti extends Driver {
    private final CurlMulti multi = new CurlMulti();
    private final ArrayDeque<CurlEasy> idle = new ArrayDeque<>();
    private final List<CurlEasy> all = new java.util.ArrayList<>();
    private final java.util.Map<CurlEasy, long[]> counts = new java.util.IdentityHashMap<>();

    CurlewMulti(Config c) {
      super(c);
      multi.setOption(CurlMultiOption.MAX_CONCURRENT_STREAMS, 1000L);
    }

    private CurlEasy take() {
      CurlEasy e = idle.poll();
      if (e == null) {
        e = new CurlEasy();
        configure(e, cfg);
        if (cfg.bulk()) {
          long[] count = new long[1];
          counts.put(e, count);
          e.onData(chunk -> {
            count[0] += chunk.length();
            return WriteCallback.CONTINUE;
          });
        }
        all.add(e);
      }
      return e;
    }

    @Override
    void run(long n, int k) throws Exception {
      long started = 0;
      long finished = 0;
      String u = url;
      for (; started < Math.min(n, k); started++) {
        multi.add(take().url(u));
      }
      Duration wait = Duration.ofMillis(1000);
      long progress = System.nanoTime();
      long seen = 0;
      while (finished < n) {
        if (finished != seen) {
          seen = finished;
          progress = System.nanoTime();
        } else if (System.nanoTime() - progress > 60_000_000_000L) {
          throw new IllegalStateException("stalled: no transfer finished in 60 s (" + finished
              + " of " + n + " done)");
        }
        multi.perform();
        for (var d = multi.infoRead(); d.isPresent(); d = multi.infoRead()) {
          CurlMulti.Done done = d.get();
          CurlEasy e = done.easy();
          multi.remove(e);
          if (!done.ok()) {
            done(0, 0, done.exception());
          } else if (cfg.bulk()) {
            long[] count = counts.get(e);
            done(e.responseCode(), count[0], null);
            count[0] = 0;
          } else {
            done(e.responseCode(), e.body().length, null);
          }
          finished++;
          if (started < n) {
            multi.add(e.url(u));
            started++;
          } else {
            idle.add(e);
          }
        }
        if (finished < n) {
          multi.poll(wait);
        }
      }
    }

    @Override
    public void close() {
      multi.close();
      all.forEach(CurlEasy::close);
    }
  }

  // --- curlew: the socket_action engine ------------------------------------------------------

  /**
   * {@link CurlClient}: small bodies with send(CurlRequest) (body collected natively, handed
   * over once); bulk bodies with execute(CurlEasy) on pooled handles with an onData callback.
   */
  static final class CurlewEngine extends Driver {
    private final CurlClient client;
    private final java.util.concurrent.ConcurrentLinkedQueue<CurlEasy> bulkHandles =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<CurlEasy> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    CurlewEngine(Config c, int loops) {
      super(c);
      if (c.cafile != null) {
        System.setProperty("curlew.ca.file", c.cafile);
      }
      client = CurlClient.builder().loops(loops).maxConcurrentStreams(1000).build();
    }

    private CurlRequest req() {
      return request(u -> {
        CurlRequest.Builder b = CurlRequest.newBuilder(u);
        if (cfg.h2) {
          b.httpVersion(HttpVersion.V2TLS);
        }
        return b.build();
      });
    }

    @Override
    void run(long n, int k) throws Exception {
      if (k <= 1) { // sequential: send and wait, one at a time
        for (long i = 0; i < n; i++) {
          if (cfg.bulk()) {
            bulkOne(() -> { });
            continue;
          }
          try {
            var r = client.sendBlocking(req());
            done(r.status(), r.body().length, null);
          } catch (Exception e) {
            done(0, 0, e);
          }
        }
        return;
      }
      if (cfg.bulk()) {
        pump(n, k, this::bulkOne);
        return;
      }
      pump(n, k, next -> client.send(req()).whenComplete((r, e) -> {
        if (e != null) {
          done(0, 0, e);
        } else {
          done(r.status(), r.body().length, null);
        }
        next.run();
      }));
    }

    private void bulkOne(Runnable next) {
      CurlEasy e = bulkHandles.poll();
      long[] count;
      if (e == null) {
        e = new CurlEasy();
        configure(e, cfg);
        all.add(e);
      }
      count = new long[1];
      e.onData(chunk -> {
        count[0] += chunk.length();
        return WriteCallback.CONTINUE;
      });
      CurlEasy h = e.url(url);
      var f = client.execute(h).whenComplete((r, ex) -> {
        done(ex == null ? h.responseCode() : 0, count[0], ex);
        bulkHandles.add(h);
        next.run();
      });
      if (cfg.k <= 1) {
        f.join();
      }
    }

    @Override
    public void close() {
      client.close();
      all.forEach(CurlEasy::close);
    }
  }

  // --- JDK java.net.http.HttpClient ----------------------------------------------------------

  static final class Jdk extends Driver {
    private final HttpClient client;

    Jdk(Config c) throws Exception {
      super(c);
      HttpClient.Builder b = HttpClient.newBuilder()
          .version(c.h2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
      if (c.url.startsWith("https:")) {
        b.sslContext(c.sslContext());
      }
      client = b.build();
    }

    @Override
    void run(long n, int k) throws Exception {
      HttpRequest request = request(u -> HttpRequest.newBuilder(URI.create(u)).GET().build());
      if (k <= 1) {
        for (long i = 0; i < n; i++) {
          try {
            if (cfg.bulk()) {
              HttpResponse<Long> r = client.send(request, counting());
              done(r.statusCode(), r.body(), null);
            } else {
              HttpResponse<byte[]> r = client.send(request,
                  HttpResponse.BodyHandlers.ofByteArray());
              done(r.statusCode(), r.body().length, null);
            }
          } catch (Exception e) {
            done(0, 0, e);
          }
        }
        return;
      }
      if (cfg.bulk()) {
        pump(n, k, next -> client.sendAsync(request, counting()).whenComplete((r, e) -> {
          done(e == null ? r.statusCode() : 0, e == null ? r.body() : 0, e);
          next.run();
        }));
        return;
      }
      pump(n, k, next -> client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete((r, e) -> {
            done(e == null ? r.statusCode() : 0, e == null ? r.body().length : 0, e);
            next.run();
          }));
    }

    /** A discarding body handler that counts bytes. */
    private static HttpResponse.BodyHandler<Long> counting() {
      return info -> new Counting();
    }

    private static final class Counting implements HttpResponse.BodySubscriber<Long> {
      private long count;
      private final java.util.concurrent.CompletableFuture<Long> result =
          new java.util.concurrent.CompletableFuture<>();

      @Override
      public java.util.concurrent.CompletionStage<Long> getBody() {
        return result;
      }

      @Override
      public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
          count += b.remaining();
        }
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onComplete() {
        result.complete(count);
      }
    }

    @Override
    public void close() {
      // HttpClient has no close() on JDK 17
    }
  }

  static long drain(InputStream in) throws java.io.IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    try (in) {
      for (int r; (r = in.read(buf)) >= 0; ) {
        total += r;
      }
    }
    return total;
  }

  private Clients() {
  }
}
