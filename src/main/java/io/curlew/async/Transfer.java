package io.curlew.async;

import io.curlew.CurlEasy;
import io.curlew.internal.EasyAccess;
import io.curlew.raw.CURL;
import java.util.concurrent.CompletableFuture;

/**
 * One transfer in an event loop: its future and the handle it runs on. The loop calls
 * {@link #begin} when it starts it, {@link #finish} with libcurl's result, and
 * {@link #end} last, always.
 *
 * @param <T> what the future completes with
 */
abstract class Transfer<T> {

  final TransferFuture<T> future;
  /** the handle, set by begin */
  CURL raw;
  Object handle;

  Transfer() {
    this.future = new TransferFuture<>(this);
  }

  /** The loop this transfer was submitted to; set by the client. */
  EventLoop loop;

  abstract void begin(EventLoop loop);

  abstract void finish(int result);

  abstract void end(EventLoop loop);

  void fail(Throwable t) {
    future.completeExceptionally(t);
  }

  /** A future whose cancel() also stops the transfer on its loop. */
  static final class TransferFuture<T> extends CompletableFuture<T> {
    private final Transfer<T> transfer;

    TransferFuture(Transfer<T> transfer) {
      this.transfer = transfer;
    }

    Transfer<T> transfer() {
      return transfer;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled && transfer.loop != null) {
        transfer.loop.cancel(transfer);
      }
      return cancelled;
    }
  }

  /** A {@link CurlRequest} on a pooled handle, ending in a {@link CurlResponse}. */
  static final class OfRequest extends Transfer<CurlResponse> {
    private final CurlRequest request;
    private PooledHandle pooled;

    OfRequest(CurlRequest request) {
      this.request = request;
    }

    @Override
    void begin(EventLoop loop) {
      pooled = loop.borrow();
      handle = pooled;
      raw = pooled.raw;
      pooled.prepare(request, loop);
    }

    @Override
    void finish(int result) {
      Throwable cause = raw.takeCallbackFailure();
      if (result == 0 && cause == null) {
        future.complete(pooled.response(request));
      } else {
        future.completeExceptionally(EventLoop.failure(pooled.easy, result, cause));
      }
    }

    @Override
    void end(EventLoop loop) {
      if (pooled != null) {
        loop.giveBack(pooled);
        pooled = null;
      }
    }
  }

  /** An application's own {@link CurlEasy}, ending in that handle. */
  static final class OfEasy extends Transfer<CurlEasy> {
    private final CurlEasy easy;
    private boolean owned;

    /** Takes the handle at once, on the submitting thread, so it cannot be used meanwhile. */
    OfEasy(CurlEasy easy) {
      this.easy = easy;
      EasyAccess.get().own(easy, this, "a CurlClient");
      owned = true;
    }

    @Override
    void fail(Throwable t) {
      release();
      super.fail(t);
    }

    @Override
    void begin(EventLoop loop) {
      handle = easy;
      raw = EasyAccess.get().raw(easy);
      try {
        EasyAccess.get().beginTransfer(easy);
      } catch (io.curlew.CurlException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    void finish(int result) {
      Throwable cause = raw.takeCallbackFailure();
      Throwable closing = release();
      if (cause == null) {
        cause = closing;
      }
      if (result == 0 && cause == null) {
        future.complete(easy);
      } else {
        future.completeExceptionally(EventLoop.failure(easy, result, cause));
      }
    }

    @Override
    void end(EventLoop loop) {
      release();
    }

    private Throwable release() {
      if (!owned) {
        return null;
      }
      owned = false;
      Throwable closing = EasyAccess.get().endTransfer(easy);
      EasyAccess.get().release(easy);
      return closing;
    }
  }
}
