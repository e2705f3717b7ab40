package io.curlew.async;

import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.raw.CurlewLoop;
import io.curlew.raw.LibCurl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event-driven HTTP client on libcurl's multi_socket interface: N loop threads, each
 * running an epoll loop in C that drives its own multi handle with
 * {@code curl_multi_socket_action}, so thousands of transfers cost no Java work per
 * socket event. Transfers are spread over the loops; each ends in a
 * {@link CompletableFuture}.
 *
 * <pre>{@code
 * try (CurlClient client = CurlClient.create()) {
 *   CompletableFuture<CurlResponse> f = client.send(CurlRequest.get("https://example.com/"));
 *   System.out.println(f.join().status());
 * }
 * }</pre>
 *
 * <p>Futures complete on a loop thread, after libcurl has returned: dependent stages run
 * there too, so keep them short or move them with {@code thenApplyAsync}. They may submit
 * or cancel transfers. Cancelling a future stops its transfer. {@link #close()} stops taking
 * work, fails the futures of unfinished transfers and frees every handle and descriptor.
 *
 * <p>The loops reuse connections per loop (libcurl's connection cache lives in each multi
 * handle) and multiplex HTTP/2 streams.
 */
public final class CurlClient implements AutoCloseable {

  private final List<EventLoop> loops = new ArrayList<>();
  private final long bodyLimit;
  private volatile boolean closed;
  private final AtomicInteger next = new AtomicInteger();
  private volatile Throwable loopFailure;

  private CurlClient(Builder b) {
    this.bodyLimit = b.bodyLimit;
    int perLoop = Math.max(1, (b.maxInFlight + b.loops - 1) / b.loops);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "curlew-loop-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
    for (int i = 0; i < b.loops; i++) {
      EventLoop l = new EventLoop(this, i, perLoop, tf);
      CurlewLoop native_ = CurlewLoop.create();
      if (b.maxHostConnections > 0) {
        native_.setMultiOption(LibCurl.CURLMOPT_MAX_HOST_CONNECTIONS, b.maxHostConnections);
      }
      if (b.maxTotalConnections > 0) {
        native_.setMultiOption(LibCurl.CURLMOPT_MAX_TOTAL_CONNECTIONS, b.maxTotalConnections);
      }
      native_.setMultiOption(LibCurl.CURLMOPT_MAX_CONCURRENT_STREAMS, b.maxConcurrentStreams);
      native_.setMultiOption(LibCurl.CURLMOPT_PIPELINING,
          b.multiplex ? LibCurl.CURLPIPE_MULTIPLEX : LibCurl.CURLPIPE_NOTHING);
      l.start(native_);
      loops.add(l);
    }
  }

  /** @return a client with the defaults: one loop per available core */
  public static CurlClient create() {
    return builder().build();
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends a request. The future completes with the response, or exceptionally with a
   * {@link CurlException} (a transfer error, such as CurlTimeoutException) or an
   * IllegalStateException when the client closes first.
   *
   * @param request the request
   * @return the response's future; cancel it to stop the transfer
   */
  public CompletableFuture<CurlResponse> send(CurlRequest request) {
    return submit(new Transfer.OfRequest(request));
  }

  /**
   * Sends a request whose response body is streamed: the future completes when the status
   * and headers are in (at the first body byte, or the end of an empty body) with a
   * {@link CurlStreamingResponse} whose body is a {@code Flow.Publisher} with
   * backpressure.
   *
   * @param request the request
   * @return the response's future
   */
  public CompletableFuture<CurlStreamingResponse> stream(CurlRequest request) {
    return submit(new StreamTransfer(request));
  }

  /**
   * Sends a request and waits for the response, parking the calling thread on the future
   * (friendly to virtual threads: no libcurl call runs on the caller).
   *
   * @param request the request
   * @return the response
   * @throws CurlException when the transfer fails
   * @throws InterruptedException when the wait is interrupted (the transfer is cancelled)
   */
  public CurlResponse sendBlocking(CurlRequest request) throws CurlException,
      InterruptedException {
    return await(send(request));
  }

  /**
   * Runs a transfer configured on the application's own handle: every option and callback
   * of {@link CurlEasy} is available. The handle belongs to the client until the future
   * completes (using it meanwhile is an IllegalStateException); its callbacks run on a loop
   * thread and must not block.
   *
   * @param easy the handle
   * @return a future that completes with the same handle, to read results from
   */
  public CompletableFuture<CurlEasy> execute(CurlEasy easy) {
    return submit(new Transfer.OfEasy(easy));
  }

  /**
   * Like {@link #execute} and waits for the result.
   *
   * @param easy the handle
   * @return the handle
   * @throws CurlException when the transfer fails
   * @throws InterruptedException when the wait is interrupted (the transfer is cancelled)
   */
  public CurlEasy executeBlocking(CurlEasy easy) throws CurlException, InterruptedException {
    return await(execute(easy));
  }

  private static <T> T await(CompletableFuture<T> f) throws CurlException,
      InterruptedException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof CurlException ce) {
        throw ce;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  private <T> CompletableFuture<T> submit(Transfer<T> t) {
    if (closed) {
      t.future.completeExceptionally(new IllegalStateException("this CurlClient is closed"));
      return t.future;
    }
    Throwable dead = loopFailure;
    if (dead != null) {
      t.future.completeExceptionally(new IllegalStateException("a CurlClient loop failed", dead));
      return t.future;
    }
    EventLoop l = pick();
    t.loop = l;
    l.submit(t);
    return t.future;
  }

  /** The least loaded loop, starting the scan at a rotating index to break ties. */
  private EventLoop pick() {
    int n = loops.size();
    int start = Math.floorMod(next.getAndIncrement(), n);
    EventLoop best = loops.get(start);
    for (int i = 1; i < n; i++) {
      EventLoop l = loops.get((start + i) % n);
      if (l.load() < best.load()) {
        best = l;
      }
    }
    return best;
  }

  long bodyLimit() {
    return bodyLimit;
  }

  void loopDied(EventLoop l, Throwable t) {
    loopFailure = t;
    System.getLogger("io.curlew").log(System.Logger.Level.ERROR,
        "curlew event loop " + l.index() + " failed", t);
  }

  void taskFailed(Throwable t) {
    System.getLogger("io.curlew").log(System.Logger.Level.WARNING,
        "a task on a curlew event loop failed", t);
  }

  /** @return the number of event loops (threads) */
  public int loops() {
    return loops.size();
  }

  /**
   * Stops taking work, fails the futures of transfers that have not finished, frees every
   * handle, descriptor and thread, and waits for the loop threads to end. Calling it again
   * does nothing. Called from a loop thread (a future's dependent stage), it does not wait.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean onLoop = false;
    for (EventLoop l : loops) {
      l.close();
      onLoop |= l.isLoopThread();
    }
    if (onLoop) {
      return;
    }
    for (EventLoop l : loops) {
      try {
        l.thread().join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Configures a {@link CurlClient}. */
  public static final class Builder {
    private int loops = Runtime.getRuntime().availableProcessors();
    private int maxInFlight = 10_000;
    private long bodyLimit = CurlEasy.DEFAULT_BODY_LIMIT;
    private long maxHostConnections;
    private long maxTotalConnections;
    private long maxConcurrentStreams = 100;
    private boolean multiplex = true;

    private Builder() {
    }

    /**
     * @param n the number of event loops (threads); default: available cores
     * @return this builder
     */
    public Builder loops(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("at least one loop");
      }
      this.loops = n;
      return this;
    }

    /**
     * @param n the most transfers running at once over all loops; more wait in a queue
     *     (default 10,000)
     * @return this builder
     */
    public Builder maxInFlight(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("at least one transfer in flight");
      }
      this.maxInFlight = n;
      return this;
    }

    /**
     * @param bytes the default most bytes a response body may have
     * @return this builder
     */
    public Builder bodyLimit(long bytes) {
      this.bodyLimit = bytes;
      return this;
    }

    /**
     * @param n connections per host per loop ({@code CURLMOPT_MAX_HOST_CONNECTIONS}); 0 no limit
     * @return this builder
     */
    public Builder maxHostConnections(long n) {
      this.maxHostConnections = n;
      return this;
    }

    /**
     * @param n connections per loop ({@code CURLMOPT_MAX_TOTAL_CONNECTIONS}); 0 no limit
     * @return this builder
     */
    public Builder maxTotalConnections(long n) {
      this.maxTotalConnections = n;
      return this;
    }

    /**
     * @param n HTTP/2 streams per connection ({@code CURLMOPT_MAX_CONCURRENT_STREAMS})
     * @return this builder
     */
    public Builder maxConcurrentStreams(long n) {
      this.maxConcurrentStreams = n;
      return this;
    }

    /**
     * @param on multiplex HTTP/2 streams over one connection ({@code CURLMOPT_PIPELINING})
     * @return this builder
     */
    public Builder multiplex(boolean on) {
      this.multiplex = on;
      return this;
    }

    /** @return the client, with its loop threads started */
    public CurlClient build() {
      return new CurlClient(this);
    }
  }

  @Override
  public String toString() {
    return "CurlClient[" + loops.size() + " loops" + (closed ? ", closed" : "") + "]";
  }
}
