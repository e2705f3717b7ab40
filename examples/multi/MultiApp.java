package examples.multi;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlInfo;
import io.curlew.CurlMulti;
import io.curlew.CurlMultiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Several transfers at once on one thread with a {@link CurlMulti}: the idiomatic form of
 * curl's multi-app.c (ported line by line in {@code examples/raw/MultiApp.java}). The loop is
 * the classic one: {@code perform()} moves every transfer as far as it can without waiting,
 * {@code poll()} sleeps until one of their sockets (or a timeout) needs attention, and
 * {@code infoRead()} reports the ones that finished, each with its own result code: the multi
 * interface does not throw for a failed transfer.
 *
 * <p>Usage: {@code MultiApp [HTTP-URL FTP-URL]}: downloads the first, uploads a few lines to the
 * second (an FTP server that accepts STOR), and tries a port where nothing listens. Without
 * URLs it uses a local {@link ExampleServer}.
 */
public final class MultiApp {

  private MultiApp() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = local == null ? run(args[0], args[1])
          : run(local.url("/"), local.ftpUrl("/multi-app.txt"));
    }
    System.exit(rc);
  }

  static int run(String httpUrl, String ftpUrl) throws CurlException, CurlMultiException {
    byte[] upload = "uploaded by examples.multi.MultiApp\n".getBytes(StandardCharsets.UTF_8);
    Map<CurlEasy, String> names = new LinkedHashMap<>();
    names.put(new CurlEasy().url(httpUrl), "download (HTTP)");
    // curlew handles allow http and https until told otherwise
    names.put(new CurlEasy().url(ftpUrl).protocols("ftp").upload(upload), "upload (FTP)");
    names.put(new CurlEasy().url("http://127.0.0.1:1/"), "refused");

    int failed = 0;
    try (CurlMulti multi = new CurlMulti()) {
      for (CurlEasy easy : names.keySet()) {
        multi.add(easy);
      }
      while (true) {
        int running = multi.perform();
        for (CurlMulti.Done done; (done = multi.infoRead().orElse(null)) != null; ) {
          CurlEasy easy = done.easy();
          if (done.ok()) {
            System.out.printf("done: %s, %s, response %d, %d bytes down, %d up%n",
                names.get(easy), done.code(), easy.responseCode(), easy.bodySize(),
                easy.getInfo(CurlInfo.SIZE_UPLOAD_T));
          } else {
            failed++;
            System.out.printf("done: %s, %s: %s%n", names.get(easy), done.code(), done.detail());
          }
          multi.remove(easy); // a finished transfer stays in the multi handle until removed
        }
        if (running == 0) {
          break;
        }
        multi.poll(Duration.ofSeconds(1));
      }
    } finally {
      names.keySet().forEach(CurlEasy::close);
    }
    System.out.println(names.size() + " transfers, " + failed + " failed");
    return failed == 1 ? 0 : 1; // the refused one is meant to fail
  }
}
