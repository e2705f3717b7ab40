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
 * Port of curl's docs/examples/sepheaders.c: one write function for both the headers and
 * the body, told apart by their data objects: the headers land in {@code head.out}, the
 * body in {@code body.out} (in the current directory). The exit status is the CURLcode.
 *
 * <p>Usage: {@code SepHeaders [URL]}; without a URL it fetches {@code /headers} from a local
 * {@link ExampleServer}.
 */
public final class SepHeaders {

  private SepHeaders() {
  }

  /** fwrite() to the stream given as WRITEDATA or HEADERDATA. */
  static long write_cb(CurlBuffer ptr, long size, long nmemb, Object stream) {
    try {
      ((OutputStream) stream).write(ptr.toArray());
      return nmemb;
    } catch (IOException e) {
      return 0; // a short write, as when fwrite() fails
    }
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/headers"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    CURL curl;

    int result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      final String headerfilename = "head.out";
      OutputStream headerfile;
      final String bodyfilename = "body.out";
      OutputStream bodyfile;

      curl_easy_setopt(curl, CURLOPT_URL, url);

      // no progress meter
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 1L);

      // headers and body both pass through write_cb
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) SepHeaders::write_cb);

      try {
        headerfile = new FileOutputStream(headerfilename);
      } catch (IOException e) {
        curl_easy_cleanup(curl);
        curl_global_cleanup();
        return -1;
      }

      try {
        bodyfile = new FileOutputStream(bodyfilename);
      } catch (IOException e) {
        curl_easy_cleanup(curl);
        close(headerfile);
        curl_global_cleanup();
        return -1;
      }

      // with no header function, the write function gets the headers with this object
      curl_easy_setopt(curl, CURLOPT_HEADERDATA, headerfile);

      // and the body with this one
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, bodyfile);

      result = curl_easy_perform(curl);

      close(headerfile);

      close(bodyfile);

      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return result;
  }

  /** fclose(), which a C program does not check either. */
  static void close(OutputStream file) {
    try {
      file.close();
    } catch (IOException e) {
      System.err.printf("closing a file failed: %s\n", e.getMessage());
    }
  }
}
