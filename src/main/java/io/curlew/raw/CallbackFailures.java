package io.curlew.raw;

/**
 * Carries a Throwable thrown by a user callback out of libcurl: the dispatcher records it
 * here (on the thread libcurl called back on, which is the thread that drives the
 * transfer) and returns libcurl's abort value; the driving call ({@code perform},
 * {@code socket_action}, ...) rethrows it once libcurl has returned. Later failures in the
 * same call are added to the first as suppressed exceptions.
 */
final class CallbackFailures {

  private static final ThreadLocal<Throwable[]> PENDING = ThreadLocal.withInitial(() -> new Throwable[1]);

  private CallbackFailures() {
  }

  /** Records a failure of a callback running on this thread. */
  static void record(Throwable t) {
    Throwable[] slot = PENDING.get();
    if (slot[0] == null) {
      slot[0] = t;
    } else if (slot[0] != t) {
      slot[0].addSuppressed(t);
    }
  }

  /**
   * Starts a driving call: returns what an enclosing driving call had recorded so far (a
   * nested call from inside a callback), which {@link #end} puts back.
   */
  static Throwable begin() {
    Throwable[] slot = PENDING.get();
    Throwable outer = slot[0];
    slot[0] = null;
    return outer;
  }

  /**
   * Ends a driving call: rethrows what a callback threw during it, unchanged (checked
   * exceptions too, which a callback can only throw by being sneaky).
   */
  static void end(Throwable outer) {
    Throwable[] slot = PENDING.get();
    Throwable t = slot[0];
    slot[0] = outer;
    if (t != null) {
      throw CallbackFailures.<RuntimeException>sneaky(t);
    }
  }

  /** @return what was recorded since {@link #begin}, clearing it, without throwing */
  static Throwable take() {
    Throwable[] slot = PENDING.get();
    Throwable t = slot[0];
    slot[0] = null;
    return t;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
