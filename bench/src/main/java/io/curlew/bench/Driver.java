package io.curlew.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One client under test: runs n transfers of the configured URL with k in flight. */
abstract class Driver implements AutoCloseable {
  final Config cfg;
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  private final AtomicLong reported = new AtomicLong();
  /** the URL the current round fetches (the warm-up may use another) */
  volatile String url;
  private final java.util.Map<String, Object> requests = new java.util.concurrent.ConcurrentHashMap<>();

  Driver(Config cfg) {
    this.cfg = cfg;
    this.url = cfg.url;
  }

  abstract void run(long n, int k) throws Exception;

  /** A client's immutable request object for the current URL, built once per URL. */
  @SuppressWarnings("unchecked")
  final <T> T request(java.util.function.Function<String, T> build) {
    return (T) requests.computeIfAbsent(url, build::apply);
  }

  @Override
  public void close() throws Exception {
  }

  /** Records one finished transfer. */
  final void done(int status, long size, Throwable failure) {
    if (failure != null || status != 200) {
      errors.incrementAndGet();
      if (reported.incrementAndGet() <= 5) {
        System.err.println(cfg.client + ": transfer failed: status " + status
            + (failure == null ? "" : ", " + failure));
        if (failure != null && reported.get() == 1) {
          failure.printStackTrace();
        }
      }
    } else {
      bytes.addAndGet(size);
    }
  }

  /**
   * Keeps k asynchronous transfers in flight until n have finished. {@code start} begins
   * one transfer and must call the given Runnable exactly once when it has finished.
   */
  static void pump(long n, int k, Consumer<Runnable> start) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    AtomicLong issued = new AtomicLong();
    AtomicLong finished = new AtomicLong();
    Runnable[] onDone = new Runnable[1];
    onDone[0] = () -> {
      if (issued.incrementAndGet() <= n) {
        start.accept(onDone[0]);
      }
      if (finished.incrementAndGet() == n) {
        latch.countDown();
      }
    };
    long first = Math.min(n, k);
    issued.set(first);
    for (long i = 0; i < first; i++) {
      start.accept(onDone[0]);
    }
    long seen = -1;
    while (!latch.await(60, TimeUnit.SECONDS)) {
      if (finished.get() == seen) {
        throw new IllegalStateException("stalled: no transfer finished in 60 s (" + seen
            + " of " + n + " done)");
      }
      seen = finished.get();
    }
  }

  /** Runs n blocking transfers on k threads; {@code one} performs one transfer. */
  static void threads(long n, int k, ThrowingRunnable one) throws Exception {
    if (k <= 1) {
      for (long i = 0; i < n; i++) {
        one.run();
      }
      return;
    }
    AtomicLong left = new AtomicLong(n);
    Thread[] ts = new Thread[Math.max(1, k)];
    Throwable[] fail = new Throwable[1];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = new Thread(() -> {
        try {
          while (left.getAndDecrement() > 0) {
            one.run();
          }
        } catch (Throwable t) {
          synchronized (fail) {
            fail[0] = t;
          }
        }
      }, "bench-" + i);
      ts[i].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    if (fail[0] != null) {
      throw new IllegalStateException(fail[0]);
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
