package io.curlew.bench;

import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Jetty HttpClient 12: HTTP/1.1 transport, or HTTP/2 over TLS. */
final class JettyDriver extends Driver {
  private final HttpClient client;

  JettyDriver(Config c) throws Exception {
    super(c);
    ClientConnector cc = new ClientConnector();
    if (c.url.startsWith("https:")) {
      SslContextFactory.Client ssl = new SslContextFactory.Client();
      ssl.setSslContext(c.sslContext());
      cc.setSslContextFactory(ssl);
    }
    if (c.h2) {
      client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(cc)));
    } else {
      client = new HttpClient(new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(cc));
    }
    client.setMaxConnectionsPerDestination(Math.max(64, c.k));
    client.setMaxRequestsQueuedPerDestination(Math.max(1024, 2 * c.k));
    client.setIdleTimeout(300_000);
    client.start();
  }

  private void one(Runnable next) {
    if (cfg.bulk()) {
      long[] count = new long[1];
      client.newRequest(url)
          .onResponseContent((resp, buf) -> count[0] += buf.remaining())
          .send(result -> {
            done(result.isFailed() ? 0 : result.getResponse().getStatus(), count[0],
                result.getFailure());
            next.run();
          });
      return;
    }
    client.newRequest(url).send(new BufferingResponseListener(4 << 20) {
      @Override
      public void onComplete(Result result) {
        done(result.isFailed() ? 0 : result.getResponse().getStatus(),
            result.isFailed() ? 0 : getContent().length, result.getFailure());
        next.run();
      }
    });
  }

  @Override
  void run(long n, int k) throws Exception {
    if (k <= 1) {
      for (long i = 0; i < n; i++) {
        if (cfg.bulk()) {
          CountDownLatch l = new CountDownLatch(1);
          one(l::countDown);
          l.await();
          continue;
        }
        try {
          ContentResponse r = client.GET(url);
          done(r.getStatus(), r.getContent().length, null);
        } catch (Exception e) {
          done(0, 0, e);
        }
      }
      return;
    }
    pump(n, k, this::one);
  }

  @Override
  public void close() throws Exception {
    client.stop();
  }
}
