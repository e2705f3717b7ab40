package examples.topics;

import examples.support.ExampleServer;
import io.curlew.Curl;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.HttpVersion;
import io.curlew.VersionInfo;
import java.io.IOException;

/**
 * API compatibility: which libcurl this is and what it can do. C programs compare
 * {@code LIBCURL_VERSION_NUM} at compile time and call {@code curl_version_info()} at run
 * time, because the library found at run time may be another build than the one compiled
 * against. curlew bundles its libcurl, so the two are the same, but features still depend on
 * how it was built: check them rather than assume (after curl's version-check logic in
 * everything-curl and the curl tool's {@code --version}).
 *
 * <p>Usage: {@code VersionCheck [URL]}; the URL is fetched with the best HTTP version the
 * build supports. Without one it uses {@code /hello} of a local {@link ExampleServer}.
 */
public final class VersionCheck {

  private VersionCheck() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/hello"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    VersionInfo v = Curl.versionInfo();
    System.out.println("curl_version(): " + Curl.version());
    System.out.printf("libcurl %s (0x%06x) for %s%n", v.version(), v.versionNumber(), v.host());
    // the C idiom "#if LIBCURL_VERSION_NUM >= 0x080800", at run time
    System.out.println("at least 8.8.0: " + yes(v.atLeast(8, 8, 0)));
    System.out.println("TLS: " + v.ssl());
    System.out.println("HTTP/2: " + yes(v.hasFeature("HTTP2")) + " (nghttp2 " + v.nghttp2() + ")");
    System.out.println("HTTP/3: " + yes(v.hasFeature("HTTP3")));
    System.out.println("threaded resolver (AsynchDNS): " + yes(v.hasFeature("AsynchDNS")));
    System.out.println("IPv6: " + yes(v.hasFeature("IPv6")));
    // (libcurl reports zlib's version as a number, brotli's and zstd's with their names)
    System.out.println("compression: zlib " + v.zlib() + ", " + v.brotli() + ", " + v.zstd());
    System.out.println("https: " + yes(v.hasProtocol("https")) + ", ws: "
        + yes(v.hasProtocol("ws")) + ", scp: " + yes(v.hasProtocol("scp")));
    System.out.println("features: " + String.join(" ", v.features()));
    System.out.println("protocols: " + String.join(" ", v.protocols()));
    // curlew's option table also says which options it can set through its typed API
    System.out.println("CURLOPT_WS_OPTIONS known: "
        + yes(CurlOption.byName("WS_OPTIONS").isPresent()) + ", CURLOPT_SSH_KEYFUNCTION"
        + " settable: " + yes(CurlOption.SSH_KEYFUNCTION.isSupported()));

    // Use a feature only where the build has it.
    try (CurlEasy easy = new CurlEasy()) {
      easy.url(url);
      if (v.hasFeature("HTTP2")) {
        // HTTP/2 over TLS where the server offers it, HTTP/1.1 otherwise (libcurl's default
        // for https; for http it stays 1.1 instead of trying an upgrade)
        easy.httpVersion(HttpVersion.V2TLS);
      }
      easy.perform();
      HttpVersion used = easy.getInfo(CurlInfo.HTTP_VERSION);
      System.out.println("fetched with " + used + ": HTTP " + easy.responseCode());
      return 0;
    } catch (CurlException e) {
      System.err.println("transfer failed: " + e.getMessage());
      return 1;
    }
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
