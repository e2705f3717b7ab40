package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CURLM;
import io.curlew.raw.CURLMsg;
import io.curlew.raw.fd_set;
import java.io.IOException;

/**
 * Port of curl's docs/examples/multi-legacy.c: the same HTTP download and FTP upload as
 * {@link MultiApp}, but waiting the old way: {@code curl_multi_fdset} fills fd_sets,
 * {@code curl_multi_timeout} bounds the wait, and {@code select} sleeps on them. The
 * upload comes from standard input, the download goes to standard output.
 *
 * <p>Usage: {@code MultiLegacy [HTTP-URL [FTP-URL]]}; without URLs a local
 * {@link ExampleServer} provides both.
 */
public final class MultiLegacy {

  static final int HTTP_HANDLE = 0;
  static final int FTP_HANDLE = 1;
  static final int HANDLECOUNT = 2;

  private MultiLegacy() {
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

    for (i = 0; i < HANDLECOUNT; i++) {
      curl[i] = curl_easy_init();
    }

    curl_easy_setopt(curl[HTTP_HANDLE], CURLOPT_URL, httpUrl);

    curl_easy_setopt(curl[FTP_HANDLE], CURLOPT_URL, ftpUrl);
    curl_easy_setopt(curl[FTP_HANDLE], CURLOPT_UPLOAD, 1L);

    multi = curl_multi_init();
    if (multi != null) {
      int[] still_running = {0};

      CURLMsg msg;
      int[] msgs_left = new int[1];

      for (i = 0; i < HANDLECOUNT; i++) {
        curl_multi_add_handle(multi, curl[i]);
      }

      // the first call starts the transfers
      curl_multi_perform(multi, still_running);

      while (still_running[0] != 0) {
        long timeout; // C's struct timeval, in milliseconds
        int rc;
        int mresult;

        fd_set fdread = new fd_set();
        fd_set fdwrite = new fd_set();
        fd_set fdexcep = new fd_set();
        int[] maxfd = {-1};

        long[] curl_timeo = {-1};

        FD_ZERO(fdread);
        FD_ZERO(fdwrite);
        FD_ZERO(fdexcep);

        // a second at most
        timeout = 1000;

        curl_multi_timeout(multi, curl_timeo);
        if (curl_timeo[0] >= 0) {
          // C keeps whole seconds capped at 1 and takes the sub-second part otherwise
          long sec = curl_timeo[0] / 1000;
          if (sec > 1) {
            timeout = 1000;
          } else {
            timeout = sec * 1000 + curl_timeo[0] % 1000;
          }
        }

        mresult = curl_multi_fdset(multi, fdread, fdwrite, fdexcep, maxfd);
        if (mresult != CURLM_OK) {
          System.err.printf("curl_multi_fdset gave CURLMcode %d\n", mresult);
          break;
        }

        // maxfd -1: libcurl has no socket to wait on yet; the C program waits 100 ms then
        if (maxfd[0] == -1) {
          rc = select(0, null, null, null, 100);
        } else {
          rc = select(maxfd[0] + 1, fdread, fdwrite, fdexcep, timeout);
        }

        switch (rc) {
          case -1:
            // select failed
            break;
          case 0: // timed out
          default: // something to do
            curl_multi_perform(multi, still_running);
            break;
        }
      }

      while ((msg = curl_multi_info_read(multi, msgs_left)) != null) {
        if (msg.msg == CURLMSG_DONE) {
          int idx;

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

      curl_multi_cleanup(multi);
    }

    for (i = 0; i < HANDLECOUNT; i++) {
      curl_easy_cleanup(curl[i]);
    }

    curl_global_cleanup();

    return 0;
  }
}
