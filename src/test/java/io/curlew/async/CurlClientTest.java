package io.curlew.async;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlTimeoutException;
import io.curlew.HttpVersion;
import io.curlew.raw.CurlewLoop;
import io.curlew.testing.Descriptors;
import io.curlew.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event-driven engine: many transfers, futures, cancellation, shutdown, scale. */
@Timeout(120)
class CurlClientTest {

  private final TestServer server = TestServer.get();

  private int openFds() {
    return Descriptors.clientSide(server.port(), server.tlsPort());
  }

  /**
   * Nothing left behind: no more than before. Fewer is fine: what earlier tests in this JVM
   * left open may close meanwhile (a handle the garbage collector cleans, an idle connection).
   */
  private static void notAbove(long before, long after, String what) {
    assertTrue(after <= before, what + " left behind: " + before + " before, " + after + " after");
  }

  @Test
  void manyRequestsOnTwoLoopsAllBodiesRight() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(2).build()) {
      List<CompletableFuture<CurlResponse>> fs = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        fs.add(client.send(CurlRequest.get(server.url("/bytes?size=" + (i * 37 % 5000)))));
      }
      for (int i = 0; i < fs.size(); i++) {
        CurlResponse r = fs.get(i).get(30, TimeUnit.SECONDS);
        assertEquals(200, r.status());
        assertArrayEquals(TestServer.patternBytes(i * 37 % 5000), r.body(), "response " + i);
        assertEquals("application/octet-stream", r.header("content-type").orElseThrow());
      }
    }
  }

  @Test
  void postsAndOtherMethodsOnReusedHandles() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      for (int i = 0; i < 3; i++) {
        CurlResponse post = client.sendBlocking(CurlRequest.newBuilder(server.url("/echo"))
            .method("POST").header("X-N", String.valueOf(i)).body("body-" + i).build());
        assertTrue(post.bodyAsString().startsWith("method=POST"), post.bodyAsString());
        assertTrue(post.bodyAsString().contains("X-N: " + i));
        assertTrue(post.bodyAsString().endsWith("body-" + i));
        CurlResponse get = client.sendBlocking(CurlRequest.get(server.url("/echo")));
        assertTrue(get.bodyAsString().startsWith("method=GET"), get.bodyAsString());
        assertFalse(get.bodyAsString().contains("X-N"), "headers leaked into the next request");
        CurlResponse put = client.sendBlocking(CurlRequest.newBuilder(server.url("/echo"))
            .method("PUT").body("put-" + i).build());
        assertTrue(put.bodyAsString().startsWith("method=PUT"));
        assertTrue(put.bodyAsString().endsWith("put-" + i));
        CurlResponse del = client.sendBlocking(CurlRequest.newBuilder(server.url("/echo"))
            .method("DELETE").build());
        assertTrue(del.bodyAsString().startsWith("method=DELETE"));
      }
    }
  }

  @Test
  void dependentStagesMaySubmitMoreWork() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      String chained = client.send(CurlRequest.get(server.url("/hello")))
          .thenCompose(r -> client.send(CurlRequest.get(server.url("/delay?ms=1&body="
              + r.bodyAsString() + "-again"))))
          .thenApply(CurlResponse::bodyAsString)
          .get(30, TimeUnit.SECONDS);
      assertEquals("hello-again", chained);
    }
  }

  @Test
  void perRequestTimeoutFailsWithCurlTimeoutException() {
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CompletableFuture<CurlResponse> f = client.send(CurlRequest.newBuilder(
          server.url("/delay?ms=5000")).timeout(Duration.ofMillis(200)).build());
      CompletionException e = assertThrows(CompletionException.class, f::join);
      assertInstanceOf(CurlTimeoutException.class, e.getCause());
    }
  }

  @Test
  void cancellingAFutureStopsItsTransfer() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build()) {
      CompletableFuture<CurlResponse> slow = client.send(
          CurlRequest.get(server.url("/delay?ms=10000")));
      assertTrue(slow.cancel(true));
      assertThrows(CancellationException.class, slow::join);
      // the loop goes on
      assertEquals("hello", client.sendBlocking(CurlRequest.get(server.url("/hello")))
          .bodyAsString());
    }
  }

  @Test
  void closeFailsUnfinishedTransfersAndFreesEverything() throws Exception {
    int fdsBefore = openFds();
    long refsBefore = CurlewLoop.nativeGlobalRefs();
    CurlClient client = CurlClient.builder().loops(2).build();
    List<CompletableFuture<CurlResponse>> fs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      fs.add(client.send(CurlRequest.get(server.url("/delay?ms=20000"))));
    }
    client.sendBlocking(CurlRequest.get(server.url("/hello"))); // the loops are busy
    client.close();
    for (CompletableFuture<CurlResponse> f : fs) {
      CompletionException e = assertThrows(CompletionException.class, f::join);
      assertInstanceOf(IllegalStateException.class, e.getCause());
    }
    CompletionException after = assertThrows(CompletionException.class,
        () -> client.send(CurlRequest.get(server.url("/hello"))).join());
    assertTrue(after.getCause().getMessage().contains("closed"));
    notAbove(refsBefore, CurlewLoop.nativeGlobalRefs(), "JNI global refs");
    notAbove(fdsBefore, openFds(), "client descriptors");
  }

  @Test
  void executeRunsTheApplicationsOwnHandleAndOwnsItMeanwhile() throws Exception {
    try (CurlClient client = CurlClient.builder().loops(1).build();
        CurlEasy easy = new CurlEasy()) {
      easy.url(server.url("/delay?ms=300&body=mine"));
      CompletableFuture<CurlEasy> f = client.execute(easy);
      IllegalStateException busy = assertThrows(IllegalStateException.class, easy::perform);
      assertTrue(busy.getMessage().contains("CurlClient"), busy.getMessage());
      assertThrows(IllegalStateException.class, easy::close);
      assertSame(easy, f.get(30, TimeUnit.SECONDS));
      assertEquals("mine", easy.bodyAsString());
      assertEquals(200, easy.responseCode());
      easy.perform(); // its own again
    }
  }

  @Test
  void tenThousandConcurrentTransfersOnOneLoopOverHttp2() throws Exception {
    int fdsBefore = openFds();
    long refsBefore = CurlewLoop.nativeGlobalRefs();
    int n = 10_000;
    try (CurlClient client = CurlClient.builder().loops(1).maxConcurrentStreams(1000)
        .build()) {
      List<CompletableFuture<CurlResponse>> fs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        fs.add(client.send(CurlRequest.newBuilder(server.url("/delay?ms=500&body=r" + i))
            .httpVersion(HttpVersion.V2_PRIOR_KNOWLEDGE).build()));
      }
      Set<Long> connections = new HashSet<>();
      for (int i = 0; i < n; i++) {
        CurlResponse r = fs.get(i).get(90, TimeUnit.SECONDS);
        assertEquals(200, r.status());
        assertEquals("r" + i, r.bodyAsString());
        assertSame(HttpVersion.V2, r.version());
        connections.add(r.connectionId());
      }
      // multiplexed: on average over a hundred streams per connection (without it, 10,000
      // transfers in flight would need 10,000 connections)
      assertFalse(connections.contains(-1L), "every finished stream names its connection");
      assertTrue(connections.size() < n / 100, "HTTP/2 connections used: " + connections.size());
    }
    notAbove(refsBefore, CurlewLoop.nativeGlobalRefs(), "JNI global refs");
    notAbove(fdsBefore, openFds(), "client descriptors");
  }
}
