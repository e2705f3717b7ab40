package io.curlew.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/** OkHttp: execute() for sequential transfers, enqueue() (its dispatcher) for concurrent ones. */
final class OkHttpDrivers {

  static final class OkHttp extends Driver {
    private final OkHttpClient client;

    OkHttp(Config c) throws Exception {
      super(c);
      Dispatcher d = new Dispatcher();
      d.setMaxRequests(Math.max(64, c.k));
      d.setMaxRequestsPerHost(Math.max(64, c.k));
      OkHttpClient.Builder b = new OkHttpClient.Builder()
          .dispatcher(d)
          .connectionPool(new ConnectionPool(Math.max(5, c.k), 5, TimeUnit.MINUTES))
          .readTimeout(0, TimeUnit.MILLISECONDS)
          .protocols(c.h2 ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1)
              : List.of(Protocol.HTTP_1_1));
      if (c.url.startsWith("https:")) {
        b.sslSocketFactory(c.sslContext().getSocketFactory(), c.trustManager());
      }
      client = b.build();
    }

    private long consume(Response r) throws IOException {
      if (!cfg.bulk()) {
        return r.body().bytes().length;
      }
      BufferedSource src = r.body().source();
      Buffer sink = new Buffer();
      long total = 0;
      for (long got; (got = src.read(sink, 64 * 1024)) >= 0; ) {
        total += got;
        sink.clear();
      }
      return total;
    }

    @Override
    void run(long n, int k) throws Exception {
      Request request = request(u -> new Request.Builder().url(u).build());
      if (k <= 1) {
        for (long i = 0; i < n; i++) {
          try (Response r = client.newCall(request).execute()) {
            done(r.code(), consume(r), null);
          } catch (Exception e) {
            done(0, 0, e);
          }
        }
        return;
      }
      pump(n, k, next -> client.newCall(request).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          done(0, 0, e);
          next.run();
        }

        @Override
        public void onResponse(Call call, Response r) {
          try (r) {
            done(r.code(), consume(r), null);
          } catch (Exception e) {
            done(0, 0, e);
          }
          next.run();
        }
      }));
    }

    @Override
    public void close() {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private OkHttpDrivers() {
  }
}
