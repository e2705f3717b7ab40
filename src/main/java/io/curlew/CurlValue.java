package io.curlew;

/** A named libcurl value (one constant of a generated enum such as {@link HttpVersion}). */
public interface CurlValue {

  /** @return the C value */
  long value();
}
