package examples.easy;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import java.io.IOException;

/**
 * POST requests with a {@link CurlEasy}: a URL-encoded form as in curl's http-post.c, then a
 * JSON body on the same handle. {@code post()} copies the body into libcurl and sets its
 * size, so the array or string may change afterwards.
 *
 * <p>Usage: {@code Post [URL]}; without a URL it posts to {@code /echo} of a local
 * {@link ExampleServer}, which sends back the request it saw.
 */
public final class Post {

  private Post() {
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
      // 1. A form. libcurl sends it as application/x-www-form-urlencoded; encoding the
      //    values is up to the caller (easy.escape() does it libcurl's way).
      String form = "name=" + easy.escape("Daniel S") + "&project=curl";
      easy.url(url).post(form).perform();
      System.out.println("--- form: HTTP " + easy.responseCode());
      System.out.println(easy.bodyAsString());

      // 2. JSON. reset() forgets the options of the first request (the connection stays
      //    open for the next one); the Content-Type header names what the body is.
      easy.reset();
      easy.url(url).header("Content-Type", "application/json")
          .post("{\"name\":\"Daniel\",\"project\":\"curl\"}").perform();
      System.out.println("--- json: HTTP " + easy.responseCode());
      System.out.println(easy.bodyAsString());
      return 0;
    } catch (CurlException e) {
      System.err.println("POST failed: " + e.getMessage());
      return 1;
    }
  }
}
