package io.curlew.async;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlCode;
import io.curlew.CurlException;
import io.curlew.testing.FaultServer;
import io.curlew.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Streamed response bodies: Flow.Publisher with backpressure through pause/unpause. */
@Timeout(60)
class StreamingTest {

  private final TestServer server = TestServer.get();

  /** Collects a body, asking for more only when told to. */
  static final class Collector implements Flow.Subscriber<ByteBuffer> {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final CountDownLatch first = new CountDownLatch(1);
    volatile Flow.Subscription subscription;
    final long initialDemand;

    Collector(long initialDemand) {
      this.initialDemand = initialDemand;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(initialDemand);
    }

    @Override
    public synchronized void onNext(ByteBuffer b) {
      byte[] a = new byte[b.remaining()];
      b.get(a);
      bytes.write(a, 0, a.length);
      first.countDown();
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }

  @Test
  void aSlowSubscriberPausesTheTransferAndGetsEveryByteInOrder() throws Exception {
    int size = 8 << 20;
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CompletableFuture<CurlStreamingResponse> f = client.stream(
          CurlRequest.get(server.url("/bytes?size=" + size)));
      CurlStreamingResponse r = f.get(30, TimeUnit.SECONDS);
      assertEquals(200, r.status());
      assertEquals(String.valueOf(size), r.header("Content-Length").orElseThrow());
      Collector c = new Collector(1);
      r.body().subscribe(c);
      assertTrue(c.first.await(30, TimeUnit.SECONDS));
      // with a demand of one buffer, the queue fills and the transfer must pause
      StreamTransfer t = (StreamTransfer) ((Transfer.TransferFuture<?>) f).transfer();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (t.pauses == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertTrue(t.pauses > 0, "the transfer paused while the subscriber had no demand");
      c.subscription.request(Long.MAX_VALUE);
      c.done.get(30, TimeUnit.SECONDS);
      assertArrayEquals(TestServer.patternBytes(size), c.bytes.toByteArray());
    }
  }

  @Test
  void cancellingTheSubscriptionStopsTheTransfer() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CurlStreamingResponse r = client.stream(CurlRequest.get(server.url("/bytes?size="
          + (64 << 20)))).get(30, TimeUnit.SECONDS);
      Collector c = new Collector(1);
      r.body().subscribe(c);
      assertTrue(c.first.await(30, TimeUnit.SECONDS));
      c.subscription.cancel();
      // the loop goes on with other work
      assertEquals("hello", client.sendBlocking(CurlRequest.get(server.url("/hello")))
          .bodyAsString());
      assertFalse(c.done.isDone(), "a cancelled subscription gets no more signals");
    }
  }

  @Test
  void aBrokenTransferEndsTheStreamWithItsError() throws Exception {
    try (FaultServer faults = new FaultServer();
        CurlClient client = CurlClient.builder().loops(1).build()) {
      CurlStreamingResponse r = client.stream(CurlRequest.get(faults.url("/truncated")))
          .get(30, TimeUnit.SECONDS);
      Collector c = new Collector(Long.MAX_VALUE);
      r.body().subscribe(c);
      Exception e = assertThrows(Exception.class, () -> c.done.get(30, TimeUnit.SECONDS));
      assertInstanceOf(CurlException.class, e.getCause());
      assertEquals(CurlCode.PARTIAL_FILE, ((CurlException) e.getCause()).code());
      assertEquals(100, c.bytes.size(), "what arrived before the break was delivered");
    }
  }

  @Test
  void aSecondSubscriberIsRefused() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CurlStreamingResponse r = client.stream(CurlRequest.get(server.url("/hello")))
          .get(30, TimeUnit.SECONDS);
      Collector a = new Collector(Long.MAX_VALUE);
      Collector b = new Collector(Long.MAX_VALUE);
      r.body().subscribe(a);
      r.body().subscribe(b);
      a.done.get(30, TimeUnit.SECONDS);
      assertEquals("hello", a.bytes.toString());
      AtomicReference<Throwable> err = new AtomicReference<>();
      b.done.whenComplete((v, t) -> err.set(t));
      assertInstanceOf(IllegalStateException.class, err.get());
    }
  }
}
