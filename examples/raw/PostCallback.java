package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_slist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl's docs/examples/post-callback.c: a POST whose body libcurl pulls from a
 * read callback, with a known size (or chunked, see {@link #USE_CHUNKED}) and verbose
 * output on standard error. The response body goes to standard output.
 *
 * <p>Usage: {@code PostCallback [URL]}; without a URL it posts to {@code /post} of a local
 * {@link ExampleServer}, which sends the body back.
 */
public final class PostCallback {

  /** The C program's {@code USE_CHUNKED}: send chunked instead of with a length. */
  static final boolean USE_CHUNKED = false;
  /** The C program's {@code DISABLE_EXPECT}: suppress "Expect: 100-continue". */
  static final boolean DISABLE_EXPECT = false;

  /** Text to upload; plain ASCII, so its length in bytes is its length in chars. */
  static final String data =
      "Call me curlew. This paragraph is filler for an upload test: a reader "
      + "callback hands it to libcurl piece by piece, and the server is expected "
      + "to send the very same bytes back. Shorebirds with long curved bills probe "
      + "the mud for worms; that is all the ornithology this example needs. The end.";

  /** Where the upload is: the C struct WriteThis, with an index for the pointer. */
  static final class WriteThis {
    byte[] readptr;
    int offset;
    long sizeleft;
  }

  /** Hands libcurl as much of the remaining text as fits its buffer. */
  static long read_cb(CurlBuffer dest, long size, long nmemb, Object userp) {
    WriteThis wt = (WriteThis) userp;
    long buffer_size = size * nmemb;

    if (wt.sizeleft != 0) {
      long copy_this_much = wt.sizeleft;
      if (copy_this_much > buffer_size) {
        copy_this_much = buffer_size;
      }
      dest.copyFrom(0, wt.readptr, wt.offset, (int) copy_this_much);

      wt.offset += (int) copy_this_much;
      wt.sizeleft -= copy_this_much;
      return copy_this_much;
    }

    return 0; // all sent
  }

  private PostCallback() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/post"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    CURL curl;
    int result;

    WriteThis wt = new WriteThis();

    wt.readptr = data.getBytes(StandardCharsets.US_ASCII);
    wt.sizeleft = wt.readptr.length;

    result = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (result != CURLE_OK) {
      System.err.printf("global initialization failed: %s\n", curl_easy_strerror(result));
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      curl_easy_setopt(curl, CURLOPT_URL, url);

      curl_easy_setopt(curl, CURLOPT_POST, 1L);

      // the body comes from read_cb, which gets wt as its last argument
      curl_easy_setopt(curl, CURLOPT_READFUNCTION, (curl_read_callback) PostCallback::read_cb);
      curl_easy_setopt(curl, CURLOPT_READDATA, wt);

      // the whole conversation on standard error
      curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);

      // HTTP/1.1 can send a body of unknown size chunked; otherwise the size must be set
      if (USE_CHUNKED) {
        curl_slist chunk = null;

        chunk = curl_slist_append(chunk, "Transfer-Encoding: chunked");
        result = curl_easy_setopt(curl, CURLOPT_HTTPHEADER, chunk);
      } else {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, wt.sizeleft);
      }

      if (DISABLE_EXPECT) {
        // an empty "Expect:" removes the header libcurl would add for large bodies
        curl_slist chunk = null;

        chunk = curl_slist_append(chunk, "Expect:");
        result = curl_easy_setopt(curl, CURLOPT_HTTPHEADER, chunk);
      }

      result = curl_easy_perform(curl);
      if (result != CURLE_OK) {
        System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
      }

      curl_easy_cleanup(curl);
    }
    curl_global_cleanup();
    return 0;
  }
}
