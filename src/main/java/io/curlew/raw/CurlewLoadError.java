package io.curlew.raw;

/**
 * curlew's native library could not be loaded. The message names the platform, every
 * place that was tried, the supported platforms and how to supply a library.
 */
public final class CurlewLoadError extends UnsatisfiedLinkError {

  private static final long serialVersionUID = 1L;

  /** @param message what was tried and what to do */
  public CurlewLoadError(String message) {
    super(message);
  }

  /**
   * @param message what was tried and what to do
   * @param cause the loader's own error
   */
  public CurlewLoadError(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}
