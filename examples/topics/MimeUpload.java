package examples.topics;

import examples.support.ExampleServer;
import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlMime;
import io.curlew.CurlOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A multipart/form-data upload (an HTML form with a file field) with {@link CurlMime},
 * libcurl's MIME API ({@code curl_mime_*}), after curl's postit2.c and multi-post.c: a text
 * field, a file read when the transfer runs, and bytes from memory with a type and file name
 * of their own. libcurl writes the boundary and the part headers.
 *
 * <p>Usage: {@code MimeUpload [URL]}; without a URL it posts to {@code /form} of a local
 * {@link ExampleServer}, which lists the parts it received.
 */
public final class MimeUpload {

  private MimeUpload() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/form"));
    }
    System.exit(rc);
  }

  static int run(String url) throws IOException {
    Path report = Files.createTempFile("curlew-report", ".txt");
    try (CurlEasy easy = new CurlEasy(); CurlMime form = new CurlMime(easy)) {
      Files.writeString(report, "line one\nline two\n");
      form.addPart().name("title").data("Quarterly report");
      // the file is read during the transfer; its name is sent as the part's file name
      form.addPart().name("report").file(report).type("text/plain");
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
      form.addPart().name("logo").filename("logo.png").type("image/png").data(png);

      // MIMEPOST makes it a POST with Content-Type: multipart/form-data; boundary=...
      easy.url(url).setOption(CurlOption.MIMEPOST, form).perform();
      System.out.println("HTTP " + easy.responseCode() + ", the server received:");
      System.out.print(new String(easy.body(), StandardCharsets.ISO_8859_1));
      return 0;
    } catch (CurlException e) {
      System.err.println("upload failed: " + e.getMessage());
      return 1;
    } finally {
      Files.deleteIfExists(report);
    }
  }
}
