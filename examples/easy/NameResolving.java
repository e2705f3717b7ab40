package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlUrl;
import io.curlew.CurlUrlException;
import java.io.IOException;

/**
 * Name resolving and how to steer it. libcurl resolves host names itself (on a resolver
 * thread here: the "AsynchDNS" feature) and keeps answers in a DNS cache for a minute.
 * {@code CURLOPT_RESOLVE} puts entries of your own into that cache, so a name goes where you
 * say without asking DNS; {@code CURLOPT_CONNECT_TO} keeps the name (in the Host header, for
 * TLS) but connects somewhere else. Both are how to test a server before DNS points at it.
 *
 * <p>Usage: {@code NameResolving [URL]}, an http URL; without one it uses {@code /echo} of a
 * local {@link ExampleServer}, which shows the Host header it received. The made-up name
 * {@code www.curlew.example} is never looked up in DNS.
 */
public final class NameResolving {

  static final String NAME = "www.curlew.example";

  private NameResolving() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/echo"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    try (CurlEasy easy = new CurlEasy()) {
      // 1. as it is: the name in the URL is resolved and the address is reported
      easy.url(url).perform();
      String ip = easy.getInfo(CurlInfo.PRIMARY_IP);
      if (ip.contains(":")) {
        ip = "[" + ip + "]"; // an IPv6 address goes in brackets in these entries
      }
      long port = easy.getInfo(CurlInfo.PRIMARY_PORT);
      report("as given", easy);

      // The same URL with the made-up host name, built with libcurl's URL API.
      String renamed;
      try (CurlUrl u = CurlUrl.parse(url)) {
        renamed = u.set(CurlUrl.Part.HOST, NAME).get(CurlUrl.Part.URL);
      }

      // 2. RESOLVE "name:port:address": the made-up name resolves to the server's address.
      //    The entry lives in the handle's DNS cache, so reset() does not remove it; an
      //    entry "-name:port" would.
      easy.reset();
      easy.url(renamed).resolve(NAME + ":" + port + ":" + ip).perform();
      report("RESOLVE " + NAME + ":" + port + ":" + ip, easy);

      // 3. CONNECT_TO "name:port:host:port": the URL names port 80 of the made-up host,
      //    the connection goes to the server instead; the request still says the name.
      String port80;
      try (CurlUrl u = CurlUrl.parse(renamed)) {
        port80 = u.set(CurlUrl.Part.PORT, null).get(CurlUrl.Part.URL);
      }
      easy.reset();
      easy.url(port80).connectTo(NAME + ":80:" + ip + ":" + port).perform();
      report("CONNECT_TO " + NAME + ":80:" + ip + ":" + port, easy);
      return 0;
    } catch (CurlException | CurlUrlException e) {
      System.err.println("failed: " + e.getMessage());
      return 1;
    }
  }

  /** Where the transfer connected, and the Host header if the server echoes it. */
  private static void report(String how, CurlEasy easy) {
    String host = easy.bodyAsString().lines()
        .filter(l -> l.regionMatches(true, 0, "Host:", 0, 5)).findFirst()
        .map(l -> l.substring(5).trim()).orElse("(not echoed)");
    System.out.println(how + ": connected to " + easy.getInfo(CurlInfo.PRIMARY_IP) + " port "
        + easy.getInfo(CurlInfo.PRIMARY_PORT) + ", HTTP " + easy.responseCode() + ", Host "
        + host);
  }
}
