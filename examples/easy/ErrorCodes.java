package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlAbortedByCallbackException;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlOption;
import java.io.IOException;
import java.time.Duration;

/**
 * libcurl's CURLcode return values, the curlew way. Every libcurl function returns a code; in
 * curlew a failed {@code perform()} throws a {@link CurlException} that carries it:
 * {@code code()} as a {@code CurlCode} constant to switch on, {@code rawCode()} as the number
 * libcurl returned, {@code detail()} with libcurl's error buffer (what exactly went wrong).
 * Subclasses name what programs catch most: {@code CurlConnectException},
 * {@code CurlTimeoutException}, {@code CurlTlsException},
 * {@code CurlAbortedByCallbackException}. (Transfers in a CurlMulti report their code in
 * {@code Done.code()} instead: see examples.multi.MultiApp.)
 *
 * <p>Usage: {@code ErrorCodes [BASE-URL]}: a server with {@code /delay?ms=N},
 * {@code /status/N} and {@code /bytes?size=N}; without one it starts a local
 * {@link ExampleServer}.
 */
public final class ErrorCodes {

  private ErrorCodes() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url(""));
    }
    System.exit(rc);
  }

  static int run(String base) {
    try (CurlEasy easy = new CurlEasy()) {
      // nothing listens on port 1
      attempt("refused", easy.url("http://127.0.0.1:1/"));

      // the server takes 5 s, the handle allows 200 ms
      attempt("too slow", easy.reset().url(base + "/delay?ms=5000")
          .timeout(Duration.ofMillis(200)));

      // a 404 is a completed transfer, unless FAILONERROR makes 4xx and 5xx errors
      attempt("404", easy.reset().url(base + "/status/404"));
      attempt("404 with FAILONERROR", easy.reset().url(base + "/status/404")
          .setOption(CurlOption.FAILONERROR, true));

      // curlew allows http and https only until protocols() allows more
      attempt("file: URL", easy.reset().url("file:///etc/hostname"));

      // libcurl's URL parser refuses a space in the host name
      attempt("bad URL", easy.reset().url("http://exa mple.com/"));

      // a body larger than the in-memory limit
      attempt("too big", easy.reset().url(base + "/bytes?size=100000").bodyLimit(1000));

      // a progress callback that says stop
      attempt("stopped", easy.reset().url(base + "/bytes?size=100000")
          .onProgress((dlTotal, dl, ulTotal, ul) -> false));

      // a callback that throws: a checked exception comes back as the cause
      attempt("callback threw", easy.reset().url(base + "/bytes?size=100000")
          .onData(chunk -> {
            throw new IOException("disk full (pretend)");
          }));
      return 0;
    }
  }

  private static void attempt(String what, CurlEasy easy) {
    try {
      easy.perform();
      System.out.println(what + ": no error, HTTP " + easy.responseCode());
    } catch (CurlException e) {
      // switch on the code; a default branch keeps the program ready for new codes
      String meaning = switch (e.code()) {
        case COULDNT_CONNECT, COULDNT_RESOLVE_HOST -> "nobody answers there";
        case OPERATION_TIMEDOUT -> "too slow: retry later or allow more time";
        case HTTP_RETURNED_ERROR -> "the server answered with an error status";
        case UNSUPPORTED_PROTOCOL -> "a scheme the handle does not allow";
        case URL_MALFORMAT -> "not a URL";
        case WRITE_ERROR -> "the body could not be stored";
        case ABORTED_BY_CALLBACK -> "the application stopped it";
        default -> "see libcurl-errors(3)";
      };
      System.out.printf("%s: %s %s (%d): %s%n", what, e.getClass().getSimpleName(), e.code(),
          e.rawCode(), meaning);
      System.out.println("  message: " + e.getMessage());
      if (e instanceof CurlAbortedByCallbackException && e.getCause() != null) {
        System.out.println("  cause: " + e.getCause());
      }
    }
  }
}
