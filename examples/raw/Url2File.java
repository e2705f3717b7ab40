package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_write_callback;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Port of curl's docs/examples/url2file.c: the body of the URL is saved to
 * {@code page.out} in the current directory, with verbose output on standard error. The
 * exit status is the CURLcode.
 *
 * <p>Usage: {@code Url2File [URL]}. The C program insists on a URL; without one this port
 * fetches {@code /} from a local {@link ExampleServer} instead.
 */
public final class Url2File {

  private Url2File() {
  }

  /** fwrite() to the stream given as WRITEDATA. */
  static long write_cb(CurlBuffer ptr, long size, long nmemb, Object stream) {
    try {
      ((OutputStream) stream).write(ptr.toArray());
      return nmemb;
    } catch (IOException e) {
      return 0;
    }
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    final String pagefilename = "page.out";
    int result;
    CURL curl;

    result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      System.err.printf("libcurl did not initialize\n");
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      OutputStream pagefile;

      curl_easy_setopt(curl, CURLOPT_URL, url);

      // the whole conversation on standard error
      curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      // no progress meter
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 1L);

      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) Url2File::write_cb);

      try {
        pagefile = new FileOutputStream(pagefilename);
      } catch (IOException e) {
        pagefile = null; // C: fopen() gave NULL
      }
      if (pagefile != null) {
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, pagefile);

        result = curl_easy_perform(curl);

        try {
          pagefile.close();
        } catch (IOException e) {
          System.err.printf("closing %s failed: %s\n", pagefilename, e.getMessage());
        }
      }

      curl_easy_cleanup(curl);
    }

    curl_global_cleanup();

    return result;
  }
}
