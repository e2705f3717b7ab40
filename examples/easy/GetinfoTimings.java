package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import java.io.IOException;
import java.time.Duration;

/**
 * Post-transfer information: where the time of a transfer went, from libcurl's timers
 * ({@code CURLINFO_*_TIME_T}), plus size and speed. Each timer counts from the start of the
 * transfer, so they grow from one phase to the next; the differences are the phases.
 *
 * <p>Usage: {@code GetinfoTimings [URL]}; without a URL it downloads 1 MiB from a local
 * {@link ExampleServer}.
 */
public final class GetinfoTimings {

  private GetinfoTimings() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/file_1M.bin"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    try (CurlEasy easy = new CurlEasy()) {
      // discardBody(): only the numbers matter here, so the body is counted and dropped
      easy.url(url).discardBody().perform();

      // CurlInfo is typed: the *_TIME_T infos are Durations (libcurl's microseconds).
      show("queue", easy.getInfo(CurlInfo.QUEUE_TIME_T), "waiting to start");
      show("namelookup", easy.getInfo(CurlInfo.NAMELOOKUP_TIME_T), "name resolved");
      show("connect", easy.getInfo(CurlInfo.CONNECT_TIME_T), "TCP connected");
      show("appconnect", easy.getInfo(CurlInfo.APPCONNECT_TIME_T), "TLS done (0: no TLS)");
      show("pretransfer", easy.getInfo(CurlInfo.PRETRANSFER_TIME_T), "about to send");
      show("posttransfer", easy.getInfo(CurlInfo.POSTTRANSFER_TIME_T), "request sent");
      show("starttransfer", easy.getInfo(CurlInfo.STARTTRANSFER_TIME_T), "first byte back");
      show("total", easy.getInfo(CurlInfo.TOTAL_TIME_T), "all done");
      show("redirect", easy.getInfo(CurlInfo.REDIRECT_TIME_T), "spent on redirects");

      System.out.println("status: " + easy.responseCode());
      System.out.println("downloaded: " + easy.getInfo(CurlInfo.SIZE_DOWNLOAD_T) + " bytes");
      System.out.println("speed: " + easy.getInfo(CurlInfo.SPEED_DOWNLOAD_T) + " bytes/s");
      System.out.println("connections made: " + easy.getInfo(CurlInfo.NUM_CONNECTS));
      return 0;
    } catch (CurlException e) {
      System.err.println("transfer failed: " + e.getMessage());
      return 1;
    }
  }

  private static void show(String name, Duration d, String what) {
    long us = d.toNanos() / 1000;
    System.out.printf("%-14s %4d.%06d s  %s%n", name + ":", us / 1_000_000, us % 1_000_000, what);
  }
}
