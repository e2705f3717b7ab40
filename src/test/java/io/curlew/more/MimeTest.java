package io.curlew.more;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlMime;
import io.curlew.CurlOption;
import io.curlew.callback.SeekCallback;
import io.curlew.raw.jni.MimeUpcalls;
import io.curlew.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CurlMime: every kind of part, checked byte for byte as the server received it. */
class MimeTest {

  private final TestServer server = TestServer.get();

  /** The multipart body the server saw, and the boundary from its Content-Type. */
  private record Received(String boundary, String body) {}

  private static Received received(String echo) {
    Matcher m = Pattern.compile("Content-Type: multipart/form-data; boundary=(\\S+)\n")
        .matcher(echo);
    assertTrue(m.find(), echo);
    return new Received(m.group(1), echo.substring(echo.indexOf("\n\n") + 2));
  }

  @Test
  void partsFromBytesTextFileCallbackSubpartsWithHeadersAndEncoders() throws Exception {
    Path file = Files.createTempFile("curlew-mime", ".txt");
    Files.writeString(file, "file contents\n");
    byte[] streamed = "streamed through a callback".getBytes(StandardCharsets.UTF_8);
    try (CurlEasy easy = new CurlEasy(); CurlMime form = new CurlMime(easy)) {
      form.addPart().name("text").data("plain value");
      form.addPart().name("bytes").data(new byte[] {0, 1, 2, (byte) 0xff})
          .type("application/octet-stream");
      form.addPart().name("file").file(file).type("text/plain");
      int[] pos = {0};
      form.addPart().name("callback").filename("cb.bin").data(streamed.length, buf -> {
        int n = Math.min(buf.length(), streamed.length - pos[0]);
        buf.put(0, streamed, pos[0], n);
        pos[0] += n;
        return n;
      }, (offset, origin) -> {
        pos[0] = (int) offset;
        return SeekCallback.OK;
      });
      form.addPart().name("encoded").data("hi").encoder("base64")
          .headers(List.of("X-Part: yes"));
      CurlMime inner = new CurlMime(easy);
      inner.addPart().data("inner one");
      inner.addPart().data("inner two");
      form.addPart().name("nested").subparts(inner);

      easy.url(server.url("/echo")).setOption(CurlOption.MIMEPOST, form).perform();
      Received r = received(easy.bodyAsString());
      String b = r.boundary();
      assertTrue(r.body().startsWith("--" + b + "\r\n"), r.body());
      assertTrue(r.body().endsWith("--" + b + "--\r\n"), r.body());
      String[] parts = r.body().split("--" + Pattern.quote(b) + "(--)?\r\n");
      assertEquals(7, parts.length, r.body()); // "" + six parts
      assertEquals("Content-Disposition: form-data; name=\"text\"\r\n\r\nplain value\r\n",
          parts[1]);
      assertEquals("Content-Disposition: form-data; name=\"bytes\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n\u0000\u0001\u0002\u00ff\r\n", parts[2]);
      assertEquals("Content-Disposition: form-data; name=\"file\"; filename=\""
          + file.getFileName() + "\"\r\nContent-Type: text/plain\r\n\r\nfile contents\n\r\n",
          parts[3]);
      assertEquals("Content-Disposition: form-data; name=\"callback\"; filename=\"cb.bin\"\r\n"
          + "\r\nstreamed through a callback\r\n", parts[4]);
      assertEquals("Content-Disposition: form-data; name=\"encoded\"\r\n"
          + "Content-Transfer-Encoding: base64\r\nX-Part: yes\r\n\r\naGk=\r\n", parts[5]);
      assertTrue(parts[6].startsWith("Content-Disposition: form-data; name=\"nested\"\r\n"
          + "Content-Type: multipart/mixed; boundary="), parts[6]);
      assertTrue(parts[6].contains("\r\n\r\ninner one\r\n") && parts[6].contains(
          "\r\n\r\ninner two\r\n"), parts[6]);

      pos[0] = 0;
      easy.perform(); // the callback part is read again for the second transfer
      assertTrue(easy.bodyAsString().contains("streamed through a callback"));
    } finally {
      Files.deleteIfExists(file);
    }
    assertEquals(0, MimeUpcalls.live(), "callback sources freed with their parts");
  }

  @Test
  void closingTheFormDetachesItAndFreedPartsCannotBeUsed() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      CurlMime form = new CurlMime(easy);
      CurlMime.Part part = form.addPart().name("a").data("b");
      easy.url(server.url("/echo")).setOption(CurlOption.MIMEPOST, form).perform();
      form.close();
      assertThrows(IllegalStateException.class, () -> part.data("after close"));
      easy.perform(); // no MIME body any more, and no crash
      assertTrue(easy.bodyAsString().startsWith("method="), easy.bodyAsString());
    }
  }

  @Test
  void subpartsOfNullUnassignsAndFreesTheNestedBody() throws Exception {
    try (CurlEasy easy = new CurlEasy()) {
      CurlMime form = new CurlMime(easy);
      CurlMime inner = new CurlMime(easy);
      CurlMime.Part nestedPart = inner.addPart().name("inner").data("nested text");
      CurlMime.Part outer = form.addPart().name("outer").subparts(inner);
      outer.subparts(null);
      assertThrows(IllegalStateException.class, () -> nestedPart.data("freed"),
          "the nested body went with the unassignment");
      outer.data("plain now");
      easy.url(server.url("/echo")).setOption(CurlOption.MIMEPOST, form).perform();
      String echoed = easy.bodyAsString();
      assertTrue(echoed.contains("plain now"), echoed);
      assertFalse(echoed.contains("nested text"), echoed);
      form.close();
    }
  }
}
