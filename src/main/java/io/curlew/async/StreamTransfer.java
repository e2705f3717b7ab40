package io.curlew.async;

import io.curlew.HttpVersion;
import io.curlew.raw.CurlewExtensions;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_write_callback;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link CurlRequest} whose body is streamed to a {@link Flow.Subscriber}. Everything
 * here runs on the loop thread: the write callback copies each chunk into a queue (or
 * pauses the transfer when the queue is full), and after every loop iteration
 * {@link #drain} hands queued chunks to the subscriber as far as its demand goes, unpauses
 * when there is room again, and completes the stream. No subscriber code runs inside a
 * libcurl callback.
 */
final class StreamTransfer extends Transfer<CurlStreamingResponse> {

  /** Bytes queued before the transfer pauses for a slow subscriber. */
  static final int HIGH_WATER = 256 * 1024;

  private final CurlRequest request;
  private PooledHandle pooled;
  private EventLoop owner;
  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
  private int queuedBytes;
  private boolean paused;
  private boolean headersSent;
  private boolean finished;
  private Throwable failure;
  private long demand;
  private Flow.Subscriber<? super ByteBuffer> subscriber;
  private boolean terminated;
  private final AtomicBoolean subscribed = new AtomicBoolean();
  /** times this stream paused its transfer for a slow subscriber (read by tests) */
  volatile int pauses;

  StreamTransfer(CurlRequest request) {
    this.request = request;
  }

  @Override
  void begin(EventLoop loop) {
    owner = loop;
    pooled = loop.borrow();
    handle = pooled;
    raw = pooled.raw;
    pooled.prepare(request, loop);
    CurlewExtensions.setSink(raw, CurlewExtensions.SINK_JAVA, -1);
    LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_WRITEFUNCTION,
        (curl_write_callback) (buf, size, n, ud) -> {
          if (terminated) {
            return 0; // the subscriber cancelled: fail the transfer
          }
          if (queuedBytes >= HIGH_WATER) {
            if (!paused) {
              paused = true;
              pauses++;
              loop.dirty(this);
            }
            return LibCurl.CURL_WRITEFUNC_PAUSE; // libcurl delivers this chunk again on resume
          }
          queue.add(ByteBuffer.wrap(buf.toArray()));
          queuedBytes += (int) n;
          loop.dirty(this);
          return n;
        });
  }

  @Override
  void finish(int result) {
    Throwable cause = raw.takeCallbackFailure();
    finished = true;
    if (result != 0 || cause != null) {
      failure = EventLoop.failure(pooled.easy, result, cause);
    }
    drain();
  }

  /** Called on the loop thread after an iteration that gave this stream data or demand. */
  void drain() {
    if (!headersSent) {
      if (queue.isEmpty() && !finished) {
        return; // headers are complete once the first body byte or the end arrived
      }
      headersSent = true;
      if (failure != null && queue.isEmpty()) {
        future.completeExceptionally(failure);
        terminated = true;
        return;
      }
      future.complete(new CurlStreamingResponse(request, status(), version(),
          CurlewExtensions.headerBytes(raw), this::subscribe));
    }
    while (subscriber != null && demand > 0 && !queue.isEmpty() && !terminated) {
      ByteBuffer b = queue.poll();
      queuedBytes -= b.remaining();
      demand--;
      subscriber.onNext(b);
    }
    if (paused && queuedBytes < HIGH_WATER && !finished && !terminated) {
      paused = false;
      LibCurl.curl_easy_pause(raw, LibCurl.CURLPAUSE_CONT);
    }
    if (finished && queue.isEmpty() && subscriber != null && !terminated) {
      terminated = true;
      if (failure != null) {
        subscriber.onError(failure);
      } else {
        subscriber.onComplete();
      }
    }
  }

  private int status() {
    long[] v = new long[1];
    LibCurl.curl_easy_getinfo(raw, LibCurl.CURLINFO_RESPONSE_CODE, v);
    return (int) v[0];
  }

  private HttpVersion version() {
    long[] v = new long[1];
    LibCurl.curl_easy_getinfo(raw, LibCurl.CURLINFO_HTTP_VERSION, v);
    return HttpVersion.of(v[0]);
  }

  private void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
    if (!subscribed.compareAndSet(false, true)) {
      s.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
      });
      s.onError(new IllegalStateException("this body has a subscriber already"));
      return;
    }
    owner.execute(() -> {
      subscriber = s;
      s.onSubscribe(new Flow.Subscription() {
        @Override
        public void request(long n) {
          owner.execute(() -> {
            if (n <= 0) {
              terminated = true;
              subscriber.onError(new IllegalArgumentException("request(" + n + ")"));
              owner.abort(StreamTransfer.this);
              return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            drain();
          });
        }

        @Override
        public void cancel() {
          owner.execute(() -> {
            terminated = true;
            owner.abort(StreamTransfer.this);
          });
        }
      });
      drain();
    });
  }

  @Override
  void end(EventLoop loop) {
    if (pooled != null) {
      // the handle goes back with the native body sink, and without this stream's callback
      LibCurl.curl_easy_setopt(raw, LibCurl.CURLOPT_WRITEFUNCTION, (curl_write_callback) null);
      pooled.restoreSink();
      loop.giveBack(pooled);
      pooled = null;
    }
  }

  @Override
  void fail(Throwable t) {
    if (!headersSent) {
      headersSent = true;
      future.completeExceptionally(t);
    } else if (subscriber != null && !terminated) {
      terminated = true;
      subscriber.onError(t);
    } else {
      failure = t;
      finished = true;
    }
  }
}
