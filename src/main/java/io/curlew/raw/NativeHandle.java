package io.curlew.raw;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one place a native handle's address lives, and the guard that keeps it from being
 * used in ways that would corrupt memory: by two threads at once, after it was freed, or
 * freed from inside one of its own callbacks.
 *
 * <p>Every call into libcurl first {@linkplain #acquire acquires} the handle: the calling
 * thread becomes its owner until it {@linkplain #release releases} it. The owner may acquire
 * it again (a callback calling back into libcurl on the same thread); any other thread gets
 * an {@link IllegalStateException} instead of a data race. An easy handle inside a multi
 * handle is guarded by the multi handle, because the multi handle's calls drive it.
 */
abstract class NativeHandle {

  private static final long FREE = 0;
  private static final long CLOSED = -1;
  private static final VarHandle OWNER;

  static {
    try {
      OWNER = MethodHandles.lookup().findVarHandle(NativeHandle.class, "owner", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** FREE, CLOSED, or the id of the thread inside a call */
  private volatile long owner;
  /** nesting depth of the owner thread; only the owner touches it */
  private int depth;
  /** the native context address; 0 once freed */
  private long address;
  /** the handle whose guard covers this one (an easy handle's multi), or null */
  private volatile NativeHandle parent;

  NativeHandle(long address) {
    this.address = address;
  }

  /** @return a short name for messages, such as "easy handle (CURL)" */
  abstract String kind();

  /**
   * Acquires the guard that covers this handle for the current thread.
   *
   * @return the guard that was acquired; pass it to {@link #release}
   * @throws IllegalStateException when the handle is closed or another thread is using it
   */
  final NativeHandle acquire() {
    while (true) {
      NativeHandle p = parent;
      NativeHandle guard = p != null ? p : this;
      guard.enter(this);
      if (parent == p) {
        return guard;
      }
      guard.exit(); // joined or left a multi meanwhile: take the right guard
    }
  }

  /**
   * Like {@link #acquire} for calls that free or reset the handle: these must not run
   * inside one of the handle's own callbacks, where libcurl is still using it.
   */
  final NativeHandle acquireExclusive(String call) {
    NativeHandle g = acquire();
    if (g.depth > 1) {
      g.exit();
      throw new IllegalStateException(call + " cannot be called from inside a libcurl callback "
          + "of the same " + kind() + "; call it after the transfer call has returned");
    }
    return g;
  }

  private void enter(NativeHandle target) {
    long me = Thread.currentThread().getId();
    long o = owner;
    if (o == me) {
      depth++;
    } else if (o == FREE && OWNER.compareAndSet(this, FREE, me)) {
      depth = 1;
    } else if (o == CLOSED) {
      throw new IllegalStateException("this " + target.kind() + " is closed");
    } else {
      throw new IllegalStateException("this " + target.kind() + " is in use by another thread "
          + "(thread id " + o + "); a libcurl handle may only be used by one thread at a time");
    }
    if (target.address == 0) {
      exit();
      throw new IllegalStateException("this " + target.kind() + " is closed");
    }
  }

  /** Releases a guard returned by {@link #acquire}. */
  static void release(NativeHandle guard) {
    guard.exit();
  }

  private void exit() {
    if (--depth == 0) {
      owner = address == 0 && parent == null ? CLOSED : FREE;
    }
  }

  /**
   * @return whether the calling thread is inside a call on this handle (or on the multi
   *     handle that covers it): true only from inside one of its callbacks
   */
  public final boolean heldByCurrentThread() {
    NativeHandle p = parent;
    NativeHandle g = p != null ? p : this;
    return g.owner == Thread.currentThread().getId();
  }

  /** @return the native address; only meaningful while the guard is held */
  final long address() {
    return address;
  }

  /** @return whether the handle was freed (cleaned up) */
  public final boolean isClosed() {
    return address == 0;
  }

  /**
   * Marks the handle closed; called with its guard held, right before the native free.
   * Later calls fail with "closed" instead of touching freed memory.
   */
  final void markClosed() {
    address = 0;
  }

  /** @param p the handle whose guard now covers this one, or null */
  final void setParent(NativeHandle p) {
    parent = p;
  }

  /** @return the covering handle, or null */
  final NativeHandle parent() {
    return parent;
  }
}
