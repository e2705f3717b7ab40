package io.curlew.internal;

/**
 * Lets a checked exception from a user callback travel through the raw layer's callback
 * interfaces (which declare none) to the call that drove the transfer, where the
 * idiomatic layer wraps it.
 */
public final class Sneaky {

  private Sneaky() {
  }

  /**
   * @param t any throwable
   * @return never returns; the throwable is thrown as it is
   */
  public static RuntimeException raise(Throwable t) {
    throw Sneaky.<RuntimeException>cast(t);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T cast(Throwable t) throws T {
    throw (T) t;
  }
}
