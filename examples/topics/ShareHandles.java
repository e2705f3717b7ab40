package examples.topics;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.CurlShare;
import io.curlew.CurlShareException;
import io.curlew.CurlUrl;
import io.curlew.CurlUrlException;
import java.io.IOException;

/**
 * Sharing data between easy handles with a {@link CurlShare} ({@code curl_share_*}). Every
 * easy handle has its own DNS cache, connection pool, TLS session cache and cookies; a share
 * handle set with {@code CurlOption.SHARE} makes them common to every handle that uses it.
 * Here: a DNS entry that one handle made is used by another, and one handle reuses the
 * connection another opened. (Threads that share DNS and TLS sessions: see MultiThreaded.)
 *
 * <p>Usage: {@code ShareHandles [URL]}, an http URL; without one it uses {@code /conn} of a
 * local {@link ExampleServer}, which answers with the client's port.
 */
public final class ShareHandles {

  static final String NAME = "shared.curlew.example";

  private ShareHandles() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/conn"));
    }
    System.exit(rc);
  }

  @SuppressWarnings("try") // the close() inside the try shows a refusal
  static int run(String url) throws CurlException, CurlShareException, CurlUrlException {
    // 1. DNS. The first handle pins a made-up name to the server's address with RESOLVE,
    //    which writes an entry into its DNS cache: here, the share's. The second handle has
    //    no RESOLVE of its own and still finds the name. (Without the share it would ask
    //    the system's resolver, which has never heard of it.)
    try (CurlShare dns = new CurlShare(CurlShare.Data.DNS);
        CurlEasy first = new CurlEasy(); CurlEasy second = new CurlEasy()) {
      first.setOption(CurlOption.SHARE, dns).url(url).perform();
      String ip = first.getInfo(CurlInfo.PRIMARY_IP);
      long port = first.getInfo(CurlInfo.PRIMARY_PORT);
      String pinned;
      try (CurlUrl u = CurlUrl.parse(url)) {
        pinned = u.set(CurlUrl.Part.HOST, NAME).get(CurlUrl.Part.URL);
      }
      first.url(pinned).resolve(NAME + ":" + port + ":" + ip).perform();
      second.setOption(CurlOption.SHARE, dns).url(pinned).perform();
      System.out.println("DNS: the second handle resolved " + NAME + " to "
          + second.getInfo(CurlInfo.PRIMARY_IP) + " from the shared cache, HTTP "
          + second.responseCode());

      // A share cannot be closed while handles use it: detach them (or close them) first.
      System.out.println("handles using the share: " + dns.users());
      try {
        dns.close();
      } catch (IllegalStateException e) {
        System.out.println("closing it now: refused");
      }
      first.setOption(CurlOption.SHARE, null);
      second.setOption(CurlOption.SHARE, null);
      System.out.println("handles using the share after detaching: " + dns.users());
    }

    // 2. Connections. Two handles with one pool: the second transfer goes over the
    //    connection the first one opened. libcurl does not promise that a shared pool is
    //    safe for handles running at the same time on different threads: share it between
    //    handles driven one after the other, as here (or put them in one CurlMulti).
    try (CurlShare pool = new CurlShare(CurlShare.Data.CONNECT);
        CurlEasy a = new CurlEasy(); CurlEasy b = new CurlEasy()) {
      a.setOption(CurlOption.SHARE, pool).url(url).perform();
      b.setOption(CurlOption.SHARE, pool).url(url).perform();
      System.out.println("connections: first handle opened " + a.getInfo(CurlInfo.NUM_CONNECTS)
          + " (" + a.bodyAsString().strip() + "), second opened "
          + b.getInfo(CurlInfo.NUM_CONNECTS) + " (" + b.bodyAsString().strip() + ")");
      // closing the easy handles (the end of this try) detaches them before the share closes
    }
    return 0;
  }
}
