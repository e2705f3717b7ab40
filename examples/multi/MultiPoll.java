package examples.multi;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiException;
import java.io.IOException;
import java.time.Duration;

/**
 * Waiting on a multi handle, after multi-poll.c of older curl releases (curl 8.21.0's
 * multi-single.c and multi-app.c wait the same way). {@code poll()}
 * ({@code curl_multi_poll}) sleeps until a socket of a transfer is ready or the timeout ends,
 * and it is the one multi call another thread may interrupt, with {@code wakeup()}. Unlike
 * {@code await()} ({@code curl_multi_wait}), it also waits when there are no transfers: an
 * event loop can sleep in it until another thread hands it work.
 *
 * <p>Usage: {@code MultiPoll [URL]}; without a URL it downloads {@code /file_1M.bin} from a
 * local {@link ExampleServer}.
 */
public final class MultiPoll {

  private MultiPoll() {
  }

  public static void main(String[] args) throws Exception {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/file_1M.bin"));
    }
    System.exit(rc);
  }

  static int run(String url) throws CurlException, CurlMultiException, InterruptedException {
    try (CurlMulti multi = new CurlMulti(); CurlEasy easy = new CurlEasy()) {
      // 1. multi-poll.c: one transfer, perform and poll until it is over
      multi.add(easy.url(url).discardBody());
      int polls = 0;
      while (multi.perform() > 0) {
        multi.poll(Duration.ofSeconds(1));
        polls++;
      }
      CurlMulti.Done done = multi.infoRead().orElseThrow();
      multi.remove(easy);
      System.out.printf("transfer: %s, HTTP %d, %d bytes, %s%n", done.code(),
          easy.responseCode(), easy.bodySize(), polls > 0 ? "waited in poll" : "no wait");

      // 2. nothing to do: await() returns at once, poll() would sleep the whole timeout...
      System.out.println("await with no transfers: " + multi.await(Duration.ofSeconds(30))
          + " sockets ready, returned at once");

      // ...unless another thread wakes it up. (A wakeup that comes before the poll counts
      // too: the poll then returns at once.)
      Thread waker = new Thread(() -> {
        try {
          multi.wakeup();
        } catch (CurlMultiException e) {
          throw new IllegalStateException(e);
        }
      }, "waker");
      long start = System.nanoTime();
      waker.start();
      multi.poll(Duration.ofSeconds(30));
      waker.join();
      boolean early = System.nanoTime() - start < Duration.ofSeconds(30).toNanos();
      System.out.println("poll with no transfers: " + (early ? "woken by another thread"
          : "slept the whole timeout"));
      return done.ok() && early ? 0 : 1;
    }
  }
}
