package examples.multi;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiException;
import io.curlew.CurlOption;
import io.curlew.HttpVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Many downloads at once over one HTTP/2 connection, after curl's http2-download.c. A multi
 * handle multiplexes HTTP/2 streams by default; {@code PIPEWAIT} makes each new transfer wait
 * for a connection that is being set up, to learn whether it can multiplex, rather than open
 * one of its own. {@code CURLINFO_CONN_ID} then shows how many connections were used.
 *
 * <p>Usage: {@code Http2Download [URL [COUNT]]}. An https URL negotiates HTTP/2 with ALPN; an
 * http URL is taken to be an h2c server and is spoken to in HTTP/2 from the first byte
 * ("prior knowledge"). Without a URL the example uses a local {@link ExampleServer}, which
 * speaks HTTP/1.1 only: libcurl offers an upgrade to h2c, the server ignores it, and the
 * transfers fall back to HTTP/1.1 over several connections.
 */
public final class Http2Download {

  private Http2Download() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
      rc = local == null ? run(args[0], count, args[0].startsWith("http:")
          ? HttpVersion.V2_PRIOR_KNOWLEDGE : HttpVersion.V2TLS)
          : run(local.url("/bytes?size=100000"), count, HttpVersion.V2_0);
    }
    System.exit(rc);
  }

  static int run(String url, int count, HttpVersion version)
      throws CurlException, CurlMultiException {
    List<CurlEasy> transfers = new ArrayList<>();
    try (CurlMulti multi = new CurlMulti()) {
      for (int i = 0; i < count; i++) {
        CurlEasy easy = new CurlEasy();
        easy.url(url).httpVersion(version).setOption(CurlOption.PIPEWAIT, true).discardBody();
        transfers.add(easy);
        multi.add(easy);
      }
      while (multi.perform() > 0) {
        multi.poll(Duration.ofSeconds(1));
      }

      int failed = 0;
      long opened = 0;
      Set<Long> connections = new TreeSet<>();
      Set<String> versions = new TreeSet<>();
      for (CurlMulti.Done d; (d = multi.infoRead().orElse(null)) != null; ) {
        CurlEasy easy = d.easy();
        multi.remove(easy);
        if (!d.ok()) {
          failed++;
          System.out.println("transfer " + transfers.indexOf(easy) + " failed: " + d.code()
              + ": " + d.detail());
          continue;
        }
        connections.add(easy.getInfo(CurlInfo.CONN_ID)); // the connection it used
        opened += easy.getInfo(CurlInfo.NUM_CONNECTS); // connections this transfer opened
        versions.add(name(easy.getInfo(CurlInfo.HTTP_VERSION)));
      }
      System.out.printf("%d transfers, %d failed, protocol %s, connection ids %s, "
          + "connections opened %d%n", count, failed, String.join(" and ", versions),
          connections, opened);
      boolean h2 = versions.equals(Set.of("HTTP/2"));
      System.out.println(h2 && connections.size() == 1 && opened == 1 && failed == 0
          ? "multiplexed: every stream on one connection"
          : "not multiplexed: " + connections.size() + " connection(s)");
      return failed == 0 ? 0 : 1;
    } finally {
      transfers.forEach(CurlEasy::close);
    }
  }

  private static String name(HttpVersion v) {
    return v == HttpVersion.V1_0 ? "HTTP/1.0" : v == HttpVersion.V1_1 ? "HTTP/1.1"
        : v == HttpVersion.V2 ? "HTTP/2" : v == HttpVersion.V3 ? "HTTP/3"
        : v.toString();
  }
}
