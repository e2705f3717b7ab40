package io.curlew;

/**
 * How a typed option or info converts between its Java value and libcurl's C value.
 * Generated tables ({@link CurlOption}, {@link CurlInfo}, {@link CurlMultiOption}) tag each
 * entry with one; {@link CurlEasy} and {@link CurlMulti} switch on it.
 */
enum ValueKind {
  /** Boolean as 0/1 long. */
  BOOL,
  /** Long as long. */
  LONG,
  /** Long as curl_off_t. */
  OFF_T,
  /** Duration as milliseconds. */
  MILLIS,
  /** Duration as whole seconds. */
  SECONDS,
  /** Duration as microseconds (infos). */
  MICROS,
  /** a CurlValue enum as long. */
  ENUM,
  /** String. */
  STRING,
  /** List of strings as a curl_slist. */
  SLIST,
  /** byte[] as a copied blob. */
  BLOB,
  /** byte[] for POSTFIELDS / COPYPOSTFIELDS. */
  BYTES,
  /** another curlew handle. */
  HANDLE,
  /** a callback interface. */
  CALLBACK,
  /** an object handed back by libcurl. */
  USERDATA,
  /** double (infos). */
  DOUBLE,
  /** socket descriptor (infos). */
  SOCKET,
  /** certificate chain (CURLINFO_CERTINFO). */
  CERTINFO,
  /** TLS session pointer (CURLINFO_TLS_SSL_PTR). */
  TLS,
  /** not settable from the idiomatic layer. */
  UNSUPPORTED;

  @SuppressWarnings("unchecked")
  static <T> Class<T> cast(Class<?> type) {
    return (Class<T>) type;
  }
}
