package io.curlew.async;

import io.curlew.CurlException;
import io.curlew.internal.EasyAccess;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlewLoop;
import io.curlew.raw.LibCurl;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine thread: a native {@link CurlewLoop} (epoll + multi_socket_action in C) and
 * the Java bookkeeping around it. Other threads only enqueue tasks and wake the loop; every
 * libcurl call happens on this thread. Futures complete here, after libcurl has returned
 * from the iteration that finished their transfer, so a dependent stage may start or
 * cancel transfers.
 */
final class EventLoop implements Runnable {

  /**
   * Idle handles a loop keeps for reuse. A burst of thousands of transfers would otherwise
   * keep thousands of handles (each several KiB native) after it is over; past a few
   * hundred, making a handle costs little next to the transfer it serves.
   */
  private static final int IDLE_HANDLES = 256;

  /** Longest wait in one iteration; the loop also wakes for work and libcurl's timers. */
  private static final int MAX_WAIT_MS = 1000;

  private final CurlClient client;
  private final int index;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** true while the loop is awake: submitters then need not write to the eventfd */
  private final AtomicBoolean awake = new AtomicBoolean(true);
  private final AtomicInteger load = new AtomicInteger();
  private final ArrayDeque<Transfer<?>> waiting = new ArrayDeque<>();
  private final Map<CURL, Transfer<?>> running = new IdentityHashMap<>();
  private final ArrayDeque<PooledHandle> pool = new ArrayDeque<>();
  private final ArrayDeque<StreamTransfer> dirty = new ArrayDeque<>();
  private final int maxInFlight;
  private final Thread thread;
  private CurlewLoop loop;
  private volatile boolean closing;
  private final CurlewLoop.Finished finisher = this::finished;

  EventLoop(CurlClient client, int index, int maxInFlight, java.util.concurrent.ThreadFactory tf) {
    this.client = client;
    this.index = index;
    this.maxInFlight = maxInFlight;
    this.thread = tf.newThread(this);
  }

  void start(CurlewLoop l) {
    this.loop = l;
    thread.start();
  }

  Thread thread() {
    return thread;
  }

  /** @return transfers submitted to this loop and not finished yet */
  int load() {
    return load.get();
  }

  /** Runs a task on the loop thread soon; safe from any thread. */
  void execute(Runnable task) {
    tasks.add(task);
    if (awake.compareAndSet(false, true)) {
      loop.wakeup();
    }
  }

  void submit(Transfer<?> t) {
    load.incrementAndGet();
    execute(() -> {
      if (!t.future.isDone()) {
        waiting.add(t);
      } else {
        done(t); // cancelled before it reached the loop
      }
    });
  }

  void cancel(Transfer<?> t) {
    execute(() -> abort(t));
  }

  /** Stops a running transfer; on the loop thread. */
  void abort(Transfer<?> t) {
    if (t.handle != null && running.remove(t.raw) != null) {
      loop.remove(t.raw);
      done(t);
    }
  }

  /** A stream got data or demand in this iteration; on the loop thread. */
  void dirty(StreamTransfer t) {
    dirty.add(t);
  }

  long bodyLimit() {
    return client.bodyLimit();
  }

  private void drainStreams() {
    for (StreamTransfer t; (t = dirty.poll()) != null; ) {
      try {
        t.drain();
      } catch (Throwable e) {
        t.fail(e);
        abort(t);
      }
    }
  }

  void close() {
    closing = true;
    execute(() -> { });
  }

  @Override
  public void run() {
    loop.bindToCurrentThread();
    try {
      while (true) {
        awake.set(true);
        runTasks();
        startWaiting();
        if (closing) {
          break;
        }
        awake.set(false);
        if (!tasks.isEmpty()) {
          continue; // work arrived between the drain and going to sleep
        }
        loop.run(MAX_WAIT_MS, finisher);
        drainStreams();
      }
    } catch (Throwable t) {
      client.loopDied(this, t);
    } finally {
      shutdown();
    }
  }

  private void runTasks() {
    for (Runnable r; (r = tasks.poll()) != null; ) {
      try {
        r.run();
      } catch (Throwable e) {
        client.taskFailed(e);
      }
    }
  }

  private void startWaiting() {
    while (running.size() < maxInFlight && !waiting.isEmpty()) {
      Transfer<?> t = waiting.poll();
      if (t.future.isDone()) { // cancelled while it waited
        done(t);
        continue;
      }
      try {
        t.begin(this);
        int rc = loop.add(t.raw);
        if (rc != LibCurl.CURLM_OK) {
          throw new IllegalStateException("curl_multi_add_handle: " + LibCurl.curl_multi_strerror(rc));
        }
        running.put(t.raw, t);
      } catch (Throwable e) {
        t.fail(e instanceof java.io.UncheckedIOException u
            && u.getCause() instanceof CurlException c ? c : e);
        done(t);
      }
    }
  }

  /** Called by the native loop, after libcurl returned, for each finished transfer. */
  private void finished(CURL easy, int result) {
    Transfer<?> t = running.remove(easy);
    if (t == null) {
      return;
    }
    try {
      t.finish(result);
    } catch (Throwable e) {
      t.fail(e);
    }
    done(t);
  }

  private void done(Transfer<?> t) {
    load.decrementAndGet();
    t.end(this);
  }

  PooledHandle borrow() {
    PooledHandle h = pool.poll();
    return h != null ? h : new PooledHandle(client.bodyLimit());
  }

  void giveBack(PooledHandle h) {
    h.transferEnded();
    if (closing || pool.size() >= IDLE_HANDLES) {
      h.close();
    } else {
      pool.add(h);
    }
  }

  /** Fails what is left, frees every handle and the loop; the thread then ends. */
  private void shutdown() {
    IllegalStateException closed = new IllegalStateException("the CurlClient was closed before "
        + "this transfer finished");
    for (Transfer<?> t : running.values()) {
      loop.remove(t.raw);
      t.fail(closed);
      t.end(this);
    }
    running.clear();
    for (Runnable r; (r = tasks.poll()) != null; ) {
      try {
        r.run();
      } catch (Throwable ignored) {
        // tasks enqueued during close only add to the waiting list
      }
    }
    for (Transfer<?> t : waiting) {
      t.fail(closed);
      t.end(this);
    }
    waiting.clear();
    for (PooledHandle h : pool) {
      h.close();
    }
    pool.clear();
    loop.close();
  }

  boolean isLoopThread() {
    return Thread.currentThread() == thread;
  }

  int index() {
    return index;
  }

  /**
   * What a failed transfer's future fails with: a callback's unchecked exception as it is
   * (as perform() would throw it), otherwise the CurlException for the code.
   */
  static Throwable failure(io.curlew.CurlEasy easy, int rc, Throwable cause) {
    if (cause instanceof RuntimeException || cause instanceof Error
        || cause instanceof CurlException) {
      return cause;
    }
    return EasyAccess.get().failure(easy, rc == 0 ? io.curlew.raw.LibCurl.CURLE_ABORTED_BY_CALLBACK
        : rc, cause);
  }
}
