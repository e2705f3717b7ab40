package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlOption;
import io.curlew.callback.DebugCallback;
import io.curlew.callback.InfoType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How to see what libcurl does. In C, {@code CURLOPT_VERBOSE} prints to stderr; in curlew,
 * {@code verbose(true)} sends the same lines to the {@code System.Logger} named
 * {@code io.curlew.wire} at DEBUG, with credentials (Authorization, Cookie, user:password in
 * URLs) replaced by {@code [redacted]}. Without a logging backend, System.Logger goes to
 * java.util.logging, which is configured here; with SLF4J or Log4j bridges, configure the
 * logger {@code io.curlew.wire} there instead.
 *
 * <p>The second part installs a debug callback ({@code CURLOPT_DEBUGFUNCTION}, as curl's
 * debug.c does), which gets everything unredacted, body data included.
 *
 * <p>Usage: {@code VerboseLogging [URL]}; without a URL it fetches {@code /hello} from a local
 * {@link ExampleServer}. The log goes to stderr, the callback's lines to stdout.
 */
public final class VerboseLogging {

  /**
   * java.util.logging keeps loggers weakly: a configured logger that is not referenced can be
   * collected and its configuration lost. Keep it in a field.
   */
  private static final Logger WIRE = Logger.getLogger("io.curlew.wire");

  private VerboseLogging() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/hello"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    // System.Logger's DEBUG is java.util.logging's FINE (TRACE, used for body sizes, is
    // FINER). The console handler prints to stderr, one line per record.
    ConsoleHandler console = new ConsoleHandler();
    console.setLevel(Level.FINE);
    console.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        return "wire: " + r.getMessage() + System.lineSeparator();
      }
    });
    WIRE.setLevel(Level.FINE);
    WIRE.addHandler(console);
    WIRE.setUseParentHandlers(false);

    try (CurlEasy easy = new CurlEasy()) {
      // 1. verbose output through the logger: the token does not reach the log
      easy.url(url).header("Authorization", "Bearer s3cr3t-t0ken").verbose(true).perform();
      System.out.println("logged transfer: HTTP " + easy.responseCode());

      // 2. a debug callback of our own replaces the logger for this handle: libcurl's raw
      //    feed, unredacted. Here only the request and response headers are printed.
      DebugCallback headersOnly = (InfoType type, io.curlew.callback.Chunk data) -> {
        if (type == InfoType.HEADER_OUT || type == InfoType.HEADER_IN) {
          String prefix = type == InfoType.HEADER_OUT ? "sent: " : "received: ";
          for (String line : data.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (!line.isEmpty()) {
              System.out.println(prefix + line);
            }
          }
        }
      };
      easy.reset();
      easy.url(url).verbose(true).setOption(CurlOption.DEBUGFUNCTION, headersOnly).perform();
      return 0;
    } catch (CurlException e) {
      System.err.println("transfer failed: " + e.getMessage());
      return 1;
    }
  }
}
