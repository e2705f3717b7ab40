package io.curlew.async;

import io.curlew.internal.Sneaky;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.LibCurl;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body that a {@link Flow.Publisher} streams into libcurl's read callback
 * ({@code CURLOPT_READFUNCTION}) with backpressure both ways: the publisher is asked for a
 * few buffers at a time, and when libcurl wants data that has not arrived the read callback
 * returns {@code CURL_READFUNC_PAUSE}; the next buffer unpauses the transfer on its loop.
 * The subscriber side is safe from any thread; {@link #read} and {@link #close} run on the
 * loop thread.
 */
final class PublisherUpload implements Flow.Subscriber<ByteBuffer> {

  /** Buffers requested from the publisher ahead of libcurl. */
  private static final int WINDOW = 8;

  private final EventLoop loop;
  private final CURL raw;
  private final ConcurrentLinkedQueue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile Flow.Subscription subscription;
  private volatile boolean complete;
  private volatile Throwable error;
  /** set on the loop thread; read by onSubscribe, which may come later from any thread */
  private volatile boolean closed;
  /* loop thread only */
  private boolean paused;
  private int consumed;
  private byte[] scratch;

  PublisherUpload(EventLoop loop, CURL raw) {
    this.loop = loop;
    this.raw = raw;
  }

  /** The read callback: copies queued bytes into libcurl's buffer; on the loop thread. */
  long read(CurlBuffer buffer, long room) {
    if (closed) {
      return LibCurl.CURL_READFUNC_ABORT;
    }
    ByteBuffer head = nextBuffer();
    if (head == null) {
      if (error != null) {
        throw Sneaky.raise(error); /* fails the transfer with the publisher's error */
      }
      if (complete) {
        return 0;
      }
      paused = true;
      return LibCurl.CURL_READFUNC_PAUSE;
    }
    int n = (int) Math.min(head.remaining(), room);
    if (head.hasArray()) {
      buffer.copyFrom(0, head.array(), head.arrayOffset() + head.position(), n);
      head.position(head.position() + n);
    } else {
      if (scratch == null || scratch.length < n) {
        scratch = new byte[Math.max(n, 16 * 1024)];
      }
      head.get(scratch, 0, n);
      buffer.copyFrom(0, scratch, 0, n);
    }
    return n;
  }

  private ByteBuffer nextBuffer() {
    ByteBuffer head;
    while ((head = queue.peek()) != null && !head.hasRemaining()) {
      queue.poll();
      if (++consumed >= WINDOW / 2) {
        subscription.request(consumed);
        consumed = 0;
      }
    }
    return head;
  }

  /** The transfer ended: stop reading and let the publisher go; on the loop thread. */
  void close() {
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null && !complete && error == null) {
      s.cancel();
    }
    queue.clear();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (subscription != null) {
      s.cancel();
      return;
    }
    subscription = s;
    if (closed) {
      s.cancel(); /* the transfer ended before the publisher got round to subscribing us */
      return;
    }
    s.request(WINDOW);
  }

  @Override
  public void onNext(ByteBuffer item) {
    queue.add(item.duplicate());
    wake();
  }

  @Override
  public void onError(Throwable t) {
    error = t;
    wake();
  }

  @Override
  public void onComplete() {
    complete = true;
    wake();
  }

  /** Unpauses the transfer on its loop when it waits for data. */
  private void wake() {
    if (wakePending.compareAndSet(false, true)) {
      loop.execute(() -> {
        wakePending.set(false);
        if (paused && !closed) {
          paused = false;
          LibCurl.curl_easy_pause(raw, LibCurl.CURLPAUSE_CONT);
        }
      });
    }
  }
}
