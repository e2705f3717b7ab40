package io.curlew;

import java.io.IOException;

/**
 * A transfer or easy-handle call failed with a {@code CURLcode}. The message holds
 * libcurl's text for the code ({@code curl_easy_strerror}) and, when there is one, the
 * more specific text libcurl left in the handle's {@code CURLOPT_ERRORBUFFER}.
 *
 * <p>Subclasses name what callers most often catch: {@link CurlTimeoutException},
 * {@link CurlConnectException}, {@link CurlTlsException} and
 * {@link CurlAbortedByCallbackException}. {@link #of} picks the right one for a code.
 */
public class CurlException extends IOException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** the code as libcurl returned it */
  private final int rawCode;
  /** the error buffer's text, or null */
  private final String detail;

  /**
   * @param rawCode the CURLcode
   * @param detail the error buffer's text, or null
   * @param cause what caused it, or null
   */
  public CurlException(int rawCode, String detail, Throwable cause) {
    super(message(rawCode, detail), cause);
    this.rawCode = rawCode;
    this.detail = detail == null || detail.isEmpty() ? null : detail;
  }

  private static String message(int rawCode, String detail) {
    CurlCode code = CurlCode.of(rawCode);
    StringBuilder b = new StringBuilder("CURLE_").append(code == CurlCode.UNKNOWN ? rawCode
        : code.name()).append(" (").append(rawCode).append("): ").append(Curl.strerror(rawCode));
    if (detail != null && !detail.isEmpty()) {
      b.append(": ").append(detail);
    }
    return b.toString();
  }

  /**
   * @param rawCode a CURLcode other than CURLE_OK
   * @param detail the error buffer's text, or null
   * @param cause a callback's Throwable, or null
   * @return the exception class that fits the code
   */
  public static CurlException of(int rawCode, String detail, Throwable cause) {
    CurlCode code = CurlCode.of(rawCode);
    return switch (code) {
      case OPERATION_TIMEDOUT -> new CurlTimeoutException(rawCode, detail, cause);
      case COULDNT_RESOLVE_HOST, COULDNT_RESOLVE_PROXY, COULDNT_CONNECT ->
          new CurlConnectException(rawCode, detail, cause);
      case SSL_CONNECT_ERROR, PEER_FAILED_VERIFICATION, SSL_CERTPROBLEM, SSL_CIPHER,
          SSL_CACERT_BADFILE, SSL_ENGINE_NOTFOUND, SSL_ENGINE_SETFAILED, SSL_ENGINE_INITFAILED,
          SSL_SHUTDOWN_FAILED, SSL_CRL_BADFILE, SSL_ISSUER_ERROR, SSL_PINNEDPUBKEYNOTMATCH,
          SSL_INVALIDCERTSTATUS, SSL_CLIENTCERT, USE_SSL_FAILED ->
          new CurlTlsException(rawCode, detail, cause);
      case ABORTED_BY_CALLBACK -> new CurlAbortedByCallbackException(rawCode, detail, cause);
      default -> cause != null ? new CurlAbortedByCallbackException(rawCode, detail, cause)
          : new CurlException(rawCode, detail, null);
    };
  }

  /** @return the CURLcode as a constant ({@link CurlCode#UNKNOWN} for a value it lacks) */
  public CurlCode code() {
    return CurlCode.of(rawCode);
  }

  /** @return the CURLcode as libcurl returned it */
  public int rawCode() {
    return rawCode;
  }

  /** @return the text libcurl left in the error buffer (CURLOPT_ERRORBUFFER), or null */
  public String detail() {
    return detail;
  }
}
