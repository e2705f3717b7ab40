package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import java.io.IOException;

/**
 * Port of curl's docs/examples/multi-app.c: an HTTP download and an FTP upload driven
 * together by one multi handle with {@code curl_multi_perform} and {@code curl_multi_poll},
 * then the result of each read from {@code curl_multi_info_read}. As in C, the download
 * goes to standard output and the upload is read from standard input (the defaults of
 * WRITEFUNCTION and READFUNCTION).
 *
 * <p>Usage: {@code MultiApp [HTTP-URL [FTP-URL]]}; without URLs a local
 * {@link ExampleServer} provides both ({@code /} and an FTP file {@code /upload.txt}).
 */
public final class MultiApp {

  static final int HTTP_HANDLE = 0; // the download's slot
  static final int FTP_HANDLE = 1; // the upload's slot
  static final int HANDLECOUNT = 2; // transfers at once

  private MultiApp() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      String http = local == null ? args[0] : local.url("/");
      String ftp = local != null ? local.ftpUrl("/upload.txt")
          : args.length > 1 ? args[1] : "ftp://example.com";
      rc = run(http, ftp);
    }
    System.exit(rc);
  }

  static int run(String httpUrl, String ftpUrl) {
    CURL[] curl = new CURL[HANDLECOUNT];
    CURLM multi;

    int i;

    int result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    // an easy handle for each transfer
    for (i = 0; i < HANDLECOUNT; i++) {
      curl[i] = curl_easy_init();
    }

    // a minimal set of options for each
    curl_easy_setopt(curl[HTTP_HANDLE], CURLOPT_URL, httpUrl);

    curl_easy_setopt(curl[FTP_HANDLE], CURLOPT_URL, ftpUrl);
    curl_easy_setopt(curl[FTP_HANDLE], CURLOPT_UPLOAD, 1L);

    multi = curl_multi_init();
    if (multi != null) {

      int[] still_running = {1}; // C's &still_running

      CURLMsg msg;
      int[] msgs_left = new int[1];

      for (i = 0; i < HANDLECOUNT; i++) {
        curl_multi_add_handle(multi, curl[i]);
      }

      while (still_running[0] != 0) {
        int mresult = curl_multi_perform(multi, still_running);

        if (still_running[0] != 0) {
          // sleep until a socket is ready or a second has passed
          mresult = curl_multi_poll(multi, null, 0, 1000, null);
        }

        if (mresult != CURLM_OK) {
          break;
        }
      }

      // collect the outcome of each transfer
      while ((msg = curl_multi_info_read(multi, msgs_left)) != null) {
        if (msg.msg == CURLMSG_DONE) {
          int idx;

          // which of our handles is it?
          for (idx = 0; idx < HANDLECOUNT; idx++) {
            boolean found = msg.easy_handle == curl[idx];
            if (found) {
              break;
            }
          }

          switch (idx) {
            case HTTP_HANDLE:
              System.out.printf("download (HTTP) done, CURLcode %d\n", msg.data.result);
              break;
            case FTP_HANDLE:
              System.out.printf("upload (FTP) done, CURLcode %d\n", msg.data.result);
              break;
            default:
              break;
          }
        }
      }

      for (i = 0; i < HANDLECOUNT; i++) {
        curl_multi_remove_handle(multi, curl[i]);
      }

      curl_multi_cleanup(multi);
    }

    for (i = 0; i < HANDLECOUNT; i++) {
      curl_easy_cleanup(curl[i]);
    }

    curl_global_cleanup();

    return 0;
  }
}
