package io.curlew.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http2.HttpVersionPolicy;

/** Apache HttpClient 5: classic (blocking, k threads) and async (its IO reactor). */
final class ApacheDrivers {

  static final class Classic extends Driver {
    private final CloseableHttpClient client;

    Classic(Config c) throws Exception {
      super(c);
      if (c.h2) {
        throw new IllegalArgumentException("the classic client speaks HTTP/1.1 only");
      }
      int conns = Math.max(64, c.k);
      client = HttpClients.custom()
          .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
              .setMaxConnTotal(conns).setMaxConnPerRoute(conns).build())
          .build();
    }

    @Override
    void run(long n, int k) throws Exception {
      threads(n, k, () -> {
        try {
          long[] r = client.execute(new HttpGet(url), resp -> {
            long size = cfg.bulk() ? Clients.drain(resp.getEntity().getContent())
                : EntityUtils.toByteArray(resp.getEntity()).length;
            return new long[] {resp.getCode(), size};
          });
          done((int) r[0], r[1], null);
        } catch (Exception e) {
          done(0, 0, e);
        }
      });
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }

  static final class Async extends Driver {
    private final CloseableHttpAsyncClient client;

    Async(Config c) throws Exception {
      super(c);
      if (c.h2) {
        // HTTP/2 only, one multiplexed connection per route
        client = HttpAsyncClients.customHttp2()
            .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(c.sslContext()).build())
            .build();
      } else {
        int conns = Math.max(64, c.k);
        client = HttpAsyncClients.custom()
            .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(conns).setMaxConnPerRoute(conns)
                .setDefaultTlsConfig(TlsConfig.custom()
                    .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                .build())
            .build();
      }
      client.start();
    }

    private void one(Runnable next) {
      SimpleHttpRequest req = SimpleRequestBuilder.get(url).build();
      if (cfg.bulk()) {
        client.execute(SimpleRequestProducer.create(req), new Counting(), null,
            new FutureCallback<long[]>() {
              @Override
              public void completed(long[] r) {
                done((int) r[0], r[1], null);
                next.run();
              }

              @Override
              public void failed(Exception e) {
                done(0, 0, e);
                next.run();
              }

              @Override
              public void cancelled() {
                done(0, 0, new IllegalStateException("cancelled"));
                next.run();
              }
            });
        return;
      }
      client.execute(req, new FutureCallback<SimpleHttpResponse>() {
        @Override
        public void completed(SimpleHttpResponse r) {
          byte[] b = r.getBodyBytes();
          done(r.getCode(), b == null ? 0 : b.length, null);
          next.run();
        }

        @Override
        public void failed(Exception e) {
          done(0, 0, e);
          next.run();
        }

        @Override
        public void cancelled() {
          done(0, 0, new IllegalStateException("cancelled"));
          next.run();
        }
      });
    }

    @Override
    void run(long n, int k) throws Exception {
      if (k <= 1) {
        for (long i = 0; i < n; i++) {
          java.util.concurrent.CountDownLatch l = new java.util.concurrent.CountDownLatch(1);
          one(l::countDown);
          l.await();
        }
        return;
      }
      pump(n, k, this::one);
    }

    @Override
    public void close() throws IOException {
      client.close();
    }

    /** A discarding consumer that counts body bytes. */
    private static final class Counting extends AbstractBinResponseConsumer<long[]> {
      private int status;
      private long count;

      @Override
      protected void start(HttpResponse response, ContentType contentType) {
        status = response.getCode();
        count = 0;
      }

      @Override
      protected int capacityIncrement() {
        return 1 << 20;
      }

      @Override
      protected void data(ByteBuffer src, boolean endOfStream) {
        count += src.remaining();
        src.position(src.limit());
      }

      @Override
      protected long[] buildResult() {
        return new long[] {status, count};
      }

      @Override
      public void releaseResources() {
      }
    }
  }

  private ApacheDrivers() {
  }
}
