package io.curlew.easy;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlMulti;
import io.curlew.CurlOption;
import io.curlew.callback.WriteCallback;
import io.curlew.testing.TestServer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Misuse ends in a clear IllegalStateException or IllegalArgumentException, never a crash. */
@Timeout(60)
class MisuseTest {

  private final TestServer server = TestServer.get();

  @Test
  void useAfterClose() {
    CurlEasy easy = new CurlEasy();
    easy.close();
    easy.close();
    assertTrue(easy.isClosed());
    assertThrows(IllegalStateException.class, () -> easy.url("http://x/"));
    assertThrows(IllegalStateException.class, easy::perform);
    assertThrows(IllegalStateException.class, easy::responseCode);
    assertThrows(IllegalStateException.class, easy::duplicate);
    assertThrows(IllegalStateException.class, easy::reset);
  }

  @Test
  void useFromASecondThreadWhileAPerformRuns() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      easy.url(server.url("/hello")).onData(chunk -> {
        inside.countDown();
        release.await(10, TimeUnit.SECONDS);
        return WriteCallback.CONTINUE;
      });
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread t = new Thread(() -> {
        try {
          easy.perform();
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      t.start();
      assertTrue(inside.await(10, TimeUnit.SECONDS));
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> easy.url("http://other/"));
      assertTrue(e.getMessage().contains("one thread at a time"), e.getMessage());
      assertThrows(IllegalStateException.class, easy::close);
      release.countDown();
      t.join(10_000);
      assertNull(failure.get());
    }
  }

  @Test
  void callsFromInsideCallbacks() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      AtomicReference<Throwable> closeInside = new AtomicReference<>();
      AtomicReference<Throwable> performInside = new AtomicReference<>();
      AtomicReference<Throwable> resetInside = new AtomicReference<>();
      easy.url(server.url("/hello")).onData(chunk -> {
        try {
          easy.close();
        } catch (Throwable t) {
          closeInside.set(t);
        }
        try {
          easy.perform();
        } catch (Throwable t) {
          performInside.set(t);
        }
        try {
          easy.reset();
        } catch (Throwable t) {
          resetInside.set(t);
        }
        return WriteCallback.CONTINUE;
      });
      easy.perform();
      assertInstanceOf(IllegalStateException.class, closeInside.get());
      assertInstanceOf(IllegalStateException.class, performInside.get());
      assertTrue(performInside.get().getMessage().contains("inside a libcurl callback"),
          performInside.get().getMessage());
      assertInstanceOf(IllegalStateException.class, resetInside.get());
      assertFalse(easy.isClosed());
      easy.onData(null).perform();
      assertEquals("hello", easy.bodyAsString());
    }
  }

  @Test
  void aHandleInAMultiBelongsToIt() throws Exception {
    try (CurlEasy easy = new CurlEasy().url(server.url("/hello"));
        CurlMulti a = new CurlMulti(); CurlMulti b = new CurlMulti()) {
      a.add(easy);
      assertThrows(IllegalStateException.class, easy::perform);
      assertThrows(IllegalStateException.class, easy::close);
      assertThrows(IllegalStateException.class, () -> b.add(easy));
      assertThrows(IllegalStateException.class, () -> b.remove(easy));
      a.remove(easy);
      easy.perform();
      assertEquals("hello", easy.bodyAsString());
    }
  }

  @Test
  void badValuesAreRejected() {
    try (CurlEasy easy = new CurlEasy()) {
      assertThrows(IllegalArgumentException.class, () -> easy.header("X-Evil", "a\r\nB: c"));
      assertThrows(IllegalArgumentException.class, () -> easy.header("Bad Name", "v"));
      assertThrows(IllegalArgumentException.class, () -> easy.userAgent("ua\nInjected: 1"));
      assertThrows(IllegalArgumentException.class,
          () -> easy.setOption(CurlOption.HTTPHEADER, java.util.List.of("A: b\r\nC: d")));
      assertThrows(IllegalArgumentException.class, () -> easy.method("GET /x HTTP/1.1\r\n"));
      assertThrows(IllegalArgumentException.class, () -> easy.url("http://a/\0b"));
      assertThrows(IllegalArgumentException.class, () -> easy.setOption(CurlOption.TIMEOUT_MS,
          null));
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> easy.setOption(CurlOption.MAXREDIRS, -5L));
      assertTrue(refused.getMessage().contains("BAD_FUNCTION_ARGUMENT"), refused.getMessage());
    }
  }
}
