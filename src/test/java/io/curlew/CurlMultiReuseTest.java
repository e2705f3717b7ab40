package io.curlew;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.curlew.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A handle added to a CurlMulti again starts with an empty body buffer. */
class CurlMultiReuseTest {

  @Test
  void reAddedHandleHasOnlyTheNewBody() throws Exception {
    TestServer server = TestServer.get();
    try (CurlMulti multi = new CurlMulti(); CurlEasy easy = new CurlEasy()) {
      for (int i = 1; i <= 3; i++) {
        int size = 100 * i;
        multi.add(easy.url(server.url("/bytes?size=" + size)));
        CurlMulti.Done done = null;
        while (done == null) {
          multi.perform();
          done = multi.infoRead().orElse(null);
          if (done == null) {
            multi.poll(Duration.ofMillis(100));
          }
        }
        assertEquals(0, done.result());
        multi.remove(easy);
        assertArrayEquals(TestServer.patternBytes(size), easy.body(), "transfer " + i);
      }
    }
  }
}
