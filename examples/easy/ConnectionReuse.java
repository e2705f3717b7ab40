package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import java.io.IOException;

/**
 * Connection reuse. Each easy handle keeps a pool of open connections, so performing it again
 * to the same host goes over the connection it already has: no new TCP (or TLS) handshake.
 * {@code CURLINFO_NUM_CONNECTS} counts the connections a transfer had to open and
 * {@code CURLINFO_CONN_ID} names the one it used. {@code CURLOPT_FRESH_CONNECT} asks for a new
 * one; a second handle has its own pool (share one with {@code CurlShare}, or add the handles
 * to one {@code CurlMulti}, whose pool all its transfers use).
 *
 * <p>Usage: {@code ConnectionReuse [URL]}; without a URL it fetches {@code /conn} from a local
 * {@link ExampleServer}, which answers with the client's port: one port, one connection.
 */
public final class ConnectionReuse {

  private ConnectionReuse() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/conn"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(url);
      for (int i = 1; i <= 3; i++) {
        easy.perform();
        report("transfer " + i, easy);
      }
      easy.setOption(CurlOption.FRESH_CONNECT, true).perform();
      report("FRESH_CONNECT", easy);
      // the pool now holds two connections to the host; the next transfer takes one of them
      easy.setOption(CurlOption.FRESH_CONNECT, false).perform();
      report("transfer 5", easy);

      try (CurlEasy other = new CurlEasy()) {
        other.url(url).perform();
        report("another handle", other);
      }
      return 0;
    } catch (CurlException e) {
      System.err.println("transfer failed: " + e.getMessage());
      return 1;
    }
  }

  private static void report(String what, CurlEasy easy) {
    System.out.printf("%s: new connections %d, connection #%d, %s%n", what,
        easy.getInfo(CurlInfo.NUM_CONNECTS), easy.getInfo(CurlInfo.CONN_ID),
        easy.bodyAsString().strip());
  }
}
