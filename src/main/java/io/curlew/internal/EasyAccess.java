package io.curlew.internal;

import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.raw.CURL;

/**
 * The engine's access to what {@link CurlEasy} keeps package-private: its raw handle, its
 * owner, and the exception its failed transfer should end in. CurlEasy installs the one
 * implementation when its class initializes (the JDK's "shared secrets" pattern), so none
 * of this is public API.
 */
public abstract class EasyAccess {

  private static volatile EasyAccess instance;

  /** @return the implementation CurlEasy installed */
  public static EasyAccess get() {
    EasyAccess a = instance;
    if (a == null) {
      try {
        Class.forName(CurlEasy.class.getName(), true, CurlEasy.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = instance;
    }
    return a;
  }

  /** @param access CurlEasy's implementation; set once */
  public static void install(EasyAccess access) {
    instance = access;
  }

  /**
   * @param easy a handle
   * @return its raw handle
   */
  public abstract CURL raw(CurlEasy easy);

  /**
   * Marks the handle as driven by an owner (a CurlMulti or the engine): perform, close and
   * adding it elsewhere are refused until {@link #release}.
   *
   * @param easy the handle
   * @param owner the owner
   * @param what how messages name the owner
   * @throws IllegalStateException when it has an owner already
   */
  public abstract void own(CurlEasy easy, Object owner, String what);

  /** @param easy a handle whose owner is done with it */
  public abstract void release(CurlEasy easy);

  /**
   * @param easy the handle
   * @param rc the transfer's CURLcode
   * @param callbackFailure what a callback threw, or null
   * @return the exception perform() would throw for it
   */
  public abstract CurlException failure(CurlEasy easy, int rc, Throwable callbackFailure);

  /**
   * Per-transfer setup every driver does before starting a transfer (opens a download file).
   *
   * @param easy the handle
   * @throws CurlException when the setup fails
   */
  public abstract void beginTransfer(CurlEasy easy) throws CurlException;

  /**
   * Per-transfer teardown after a transfer ended (closes a download file).
   *
   * @param easy the handle
   * @return an exception when closing failed, else null
   */
  public abstract CurlException endTransfer(CurlEasy easy);
}
