package io.curlew.async;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlException;
import io.curlew.HttpVersion;
import io.curlew.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Request bodies streamed from a Flow.Publisher through the read callback. */
@Timeout(60)
class StreamingUploadTest {

  private final TestServer server = TestServer.get();
  /**
   * Runs the publishers' delivery tasks. Not the common pool: with two cores it has one
   * thread, and a cancel only takes effect once a delivery task has run there.
   */
  private final ExecutorService delivery = Executors.newCachedThreadPool();

  @AfterEach
  void stopDelivery() {
    delivery.shutdownNow();
  }

  private <T> SubmissionPublisher<T> publisher() {
    return new SubmissionPublisher<>(delivery, Flow.defaultBufferSize());
  }

  private static String digest(byte[] data) throws Exception {
    return "size=" + data.length + " sha256="
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /** Publishes data in chunks from its own thread, as fast as the subscriber's demand allows. */
  private SubmissionPublisher<ByteBuffer> publishInChunks(byte[] data, int chunk) {
    SubmissionPublisher<ByteBuffer> p = publisher();
    Thread t = new Thread(() -> {
      while (p.getNumberOfSubscribers() == 0 && !p.isClosed()) {
        Thread.onSpinWait(); // submit() drops items offered before anyone subscribed
      }
      for (int off = 0; off < data.length; off += chunk) {
        p.submit(ByteBuffer.wrap(data, off, Math.min(chunk, data.length - off)));
      }
      p.close();
    }, "test-publisher");
    t.setDaemon(true);
    t.start();
    return p;
  }

  @Test
  void unknownLengthIsSentChunkedAndArrivesWhole() throws Exception {
    byte[] data = TestServer.patternBytes(3 << 20);
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CurlResponse r = client.send(CurlRequest.newBuilder(server.url("/upload"))
          .body(publishInChunks(data, 65536), -1).build()).get(30, TimeUnit.SECONDS);
      assertEquals(200, r.status());
      assertEquals(digest(data), r.bodyAsString());
    }
  }

  @Test
  void putWithAKnownLengthOverHttp2AndTheHandleIsCleanAfterwards() throws Exception {
    byte[] data = TestServer.patternBytes(1_000_003);
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CurlResponse r = client.send(CurlRequest.newBuilder(server.url("/upload")).method("PUT")
          .httpVersion(HttpVersion.V2_PRIOR_KNOWLEDGE)
          .body(publishInChunks(data, 10_000), data.length).build()).get(30, TimeUnit.SECONDS);
      assertSame(HttpVersion.V2, r.version());
      assertEquals(digest(data), r.bodyAsString());
      // the same pooled handle serves a plain GET next: no upload or read callback left over
      CurlResponse next = client.send(CurlRequest.get(server.url("/echo")))
          .get(30, TimeUnit.SECONDS);
      assertTrue(next.bodyAsString().startsWith("method=GET\n"), next.bodyAsString());
    }
  }

  /**
   * Each chunk is published only after the server has received the previous one, so the
   * read callback finds no data between chunks: the transfer must pause there and resume
   * when the next chunk arrives, or the upload would end early or hang.
   */
  @Test
  void theTransferWaitsForEachChunkOfASlowPublisher() throws Exception {
    int chunk = 10_000;
    int chunks = 8;
    byte[] data = TestServer.patternBytes(chunk * chunks);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CurlClient client = CurlClient.builder().loops(1).build();
        SubmissionPublisher<ByteBuffer> publisher = publisher()) {
      CompletableFuture<CurlResponse> f = client.send(CurlRequest.newBuilder(
          "http://127.0.0.1:" + listener.getLocalPort() + "/lockstep")
          .body(publisher, data.length).build());
      try (Socket s = listener.accept()) {
        s.setSoTimeout(30_000);
        InputStream in = s.getInputStream();
        String head = readHead(in);
        assertTrue(head.startsWith("POST /lockstep HTTP/1.1\r\n"), head);
        assertTrue(head.contains("\r\nContent-Length: " + data.length + "\r\n"), head);
        while (publisher.getNumberOfSubscribers() == 0) {
          Thread.onSpinWait(); // the loop subscribes before it connects; this ends at once
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        for (int i = 0; i < chunks; i++) {
          publisher.submit(ByteBuffer.wrap(data, i * chunk, chunk));
          received.write(in.readNBytes(chunk));
        }
        publisher.close();
        assertArrayEquals(data, received.toByteArray());
        OutputStream out = s.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        CurlResponse r = f.get(30, TimeUnit.SECONDS);
        assertEquals(200, r.status());
        assertEquals("ok", r.bodyAsString());
      }
    }
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder b = new StringBuilder();
    while (!b.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      assertNotEquals(-1, c, "the request head ended early: " + b);
      b.append((char) c);
    }
    return b.toString();
  }

  @Test
  void anErrorFromThePublisherFailsTheTransferWithThatError() throws Exception {
    IllegalStateException boom = new IllegalStateException("the source broke");
    Flow.Publisher<ByteBuffer> failing = s -> {
      s.onSubscribe(new Flow.Subscription() {
        private boolean sent;

        @Override
        public void request(long n) {
          if (!sent) {
            sent = true;
            s.onNext(ByteBuffer.wrap(new byte[100]));
            s.onError(boom);
          }
        }

        @Override
        public void cancel() {
        }
      });
    };
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> client.send(
          CurlRequest.newBuilder(server.url("/upload")).body(failing, -1).build())
          .get(30, TimeUnit.SECONDS));
      assertSame(boom, e.getCause());
      // the loop and its pooled handle go on working
      assertEquals("hello", client.sendBlocking(CurlRequest.get(server.url("/hello")))
          .bodyAsString());
    }
  }

  @Test
  void aPublisherThatEndsBeforeTheDeclaredLengthFailsTheTransfer() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      SubmissionPublisher<ByteBuffer> shortBody = publishInChunks(new byte[10], 10);
      ExecutionException e = assertThrows(ExecutionException.class, () -> client.send(
          CurlRequest.newBuilder(server.url("/upload")).body(shortBody, 1000).build())
          .get(30, TimeUnit.SECONDS));
      assertInstanceOf(CurlException.class, e.getCause());
    }
  }

  @Test
  void cancellingTheFutureCancelsTheSubscription() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build();
        SubmissionPublisher<ByteBuffer> publisher = publisher()) {
      CompletableFuture<CurlResponse> f = client.send(CurlRequest.newBuilder(
          server.url("/upload")).body(publisher, -1).build());
      while (publisher.getNumberOfSubscribers() == 0) {
        Thread.onSpinWait();
      }
      publisher.submit(ByteBuffer.wrap(new byte[1000]));
      f.cancel(true);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (publisher.hasSubscribers() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertFalse(publisher.hasSubscribers(), "the upload let go of the publisher");
    }
  }

  /** onSubscribe may arrive from the publisher's thread after the transfer is gone. */
  @Test
  void aPublisherThatSubscribesLateIsCancelledAtOnce() throws Exception {
    CompletableFuture<Flow.Subscriber<? super ByteBuffer>> subscriber = new CompletableFuture<>();
    Flow.Publisher<ByteBuffer> late = subscriber::complete;
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CompletableFuture<CurlResponse> f = client.send(CurlRequest.newBuilder(
          server.url("/upload")).body(late, -1).build());
      Flow.Subscriber<? super ByteBuffer> s = subscriber.get(30, TimeUnit.SECONDS);
      f.cancel(true);
      // the loop runs tasks in order: once this answers, the cancelled transfer has ended
      assertEquals("hello", client.sendBlocking(CurlRequest.get(server.url("/hello")))
          .bodyAsString());
      CompletableFuture<Void> cancelled = new CompletableFuture<>();
      s.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
          cancelled.completeExceptionally(new AssertionError("asked for data after the end"));
        }

        @Override
        public void cancel() {
          cancelled.complete(null);
        }
      });
      assertTrue(cancelled.isDone(), "cancelled inside onSubscribe");
      cancelled.get();
    }
  }
}
