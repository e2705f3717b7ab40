package examples.topics;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlOption;
import io.curlew.CurlShare;
import io.curlew.CurlShareException;
import io.curlew.callback.WriteCallback;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Threads and libcurl, after curl's threaded.c (multithread.c in older releases): libcurl is
 * thread-safe as long as each handle is used by one thread at a time. So: one easy handle per
 * thread. The threads here also share a {@link CurlShare} with the DNS cache and the TLS
 * session cache, the two kinds of data libcurl lets transfers on different threads share at
 * the same time (curlew's share handles lock natively). The last part shows what curlew does
 * when two threads do use one handle at once: the second gets an IllegalStateException
 * instead of a crash.
 *
 * <p>Usage: {@code MultiThreaded [URL...]}, one thread per URL; without URLs four threads
 * fetch {@code /square?n=1..4} from a local {@link ExampleServer}.
 */
public final class MultiThreaded {

  private MultiThreaded() {
  }

  public static void main(String[] args) throws Exception {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      List<String> urls = new ArrayList<>(List.of(args));
      for (int i = 1; local != null && i <= 4; i++) {
        urls.add(local.url("/square?n=" + i));
      }
      rc = run(urls);
    }
    System.exit(rc);
  }

  static int run(List<String> urls) throws CurlShareException, CurlException,
      InterruptedException {
    String[] results = new String[urls.size()];
    try (CurlShare share = new CurlShare(CurlShare.Data.DNS, CurlShare.Data.SSL_SESSION)) {
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        int n = i;
        Thread t = new Thread(() -> {
          // made, used and closed on this thread
          try (CurlEasy easy = new CurlEasy()) {
            easy.setOption(CurlOption.SHARE, share).url(urls.get(n)).perform();
            results[n] = "HTTP " + easy.responseCode() + ", " + easy.bodyAsString().strip();
          } catch (CurlException e) {
            results[n] = "failed: " + e.getMessage();
          }
        }, "fetch-" + i);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join(); // join() also makes the results array's writes visible here
      }
      for (int i = 0; i < results.length; i++) {
        System.out.println("thread " + i + ": " + urls.get(i) + " -> " + results[i]);
      }
      // TLS sessions end up in the share, for every handle that uses it to resume
      try (CurlEasy probe = new CurlEasy()) {
        probe.setOption(CurlOption.SHARE, share);
        System.out.println("TLS sessions in the share: " + probe.exportTlsSessions().size());
      }
    }
    boolean refused = misuse(urls.get(0));
    return refused && List.of(results).stream().allMatch(r -> r.startsWith("HTTP ")) ? 0 : 1;
  }

  /** One handle, two threads at once: the second one is refused. */
  private static boolean misuse(String url) throws InterruptedException, CurlException {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch tried = new CountDownLatch(1);
    try (CurlEasy easy = new CurlEasy()) {
      // the write callback runs on the performing thread, inside perform(): it holds the
      // transfer there until the main thread has made its attempt
      easy.url(url).onData(chunk -> {
        inside.countDown();
        tried.await(30, TimeUnit.SECONDS);
        return WriteCallback.CONTINUE;
      });
      Thread worker = new Thread(() -> {
        try {
          easy.perform();
        } catch (CurlException e) {
          System.out.println("worker: " + e.getMessage());
        }
      }, "worker");
      worker.start();
      if (!inside.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the transfer never delivered data");
      }
      boolean refused = false;
      try {
        easy.url(url); // while the worker is inside perform()
        System.out.println("second thread: allowed (unexpected)");
      } catch (IllegalStateException e) {
        refused = true;
        System.out.println("second thread: IllegalStateException while the worker performs");
      } finally {
        tried.countDown();
      }
      worker.join();
      return refused;
    }
  }
}
