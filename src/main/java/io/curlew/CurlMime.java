package io.curlew;

import io.curlew.callback.Chunk;
import io.curlew.callback.ReadCallback;
import io.curlew.callback.SeekCallback;
import io.curlew.internal.Sneaky;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;
import io.curlew.raw.curl_read_callback;
import io.curlew.raw.curl_seek_callback;
import io.curlew.raw.curl_slist;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A multipart body ({@code curl_mime}), sent with {@link CurlOption#MIMEPOST}: parts from
 * bytes, text, files or callbacks, each with its own name, file name, type, encoder and
 * headers, and parts that are multiparts themselves.
 *
 * <pre>{@code
 * try (CurlMime form = new CurlMime(easy)) {
 *   form.addPart().name("field").data("value");
 *   form.addPart().name("upload").file(Path.of("report.pdf")).type("application/pdf");
 *   easy.setOption(CurlOption.MIMEPOST, form).perform();
 * }
 * }</pre>
 * Closing it while handles use it unsets it there first.
 */
public final class CurlMime implements AutoCloseable {

  private final curl_mime raw;

  /**
   * A new, empty multipart body ({@code curl_mime_init}).
   *
   * @param easy the handle it is for
   */
  public CurlMime(CurlEasy easy) {
    curl_mime m = LibCurl.curl_mime_init(easy == null ? null : easy.raw());
    if (m == null) {
      throw new OutOfMemoryError("curl_mime_init failed");
    }
    this.raw = m;
  }

  /** @return a new part at the end ({@code curl_mime_addpart}) */
  public Part addPart() {
    curl_mimepart p = LibCurl.curl_mime_addpart(raw);
    if (p == null) {
      throw new OutOfMemoryError("curl_mime_addpart failed");
    }
    return new Part(p);
  }

  curl_mime raw() {
    return raw;
  }

  /** Frees the body and its parts ({@code curl_mime_free}); calling it again does nothing. */
  @Override
  public void close() {
    LibCurl.curl_mime_free(raw);
  }

  /** One part of a multipart body ({@code curl_mimepart}). */
  public final class Part {
    private final curl_mimepart raw;

    private Part(curl_mimepart raw) {
      this.raw = raw;
    }

    private Part check(int rc, String what) {
      if (rc != LibCurl.CURLE_OK) {
        throw new IllegalArgumentException(what + " failed: " + CurlCode.of(rc) + ": "
            + Curl.strerror(rc));
      }
      return this;
    }

    /**
     * @param name the form field name ({@code curl_mime_name}), or null
     * @return this part
     */
    public Part name(String name) {
      return check(LibCurl.curl_mime_name(raw, name), "curl_mime_name");
    }

    /**
     * @param filename the file name sent for this part ({@code curl_mime_filename}), or null
     * @return this part
     */
    public Part filename(String filename) {
      return check(LibCurl.curl_mime_filename(raw, filename), "curl_mime_filename");
    }

    /**
     * @param type the content type ({@code curl_mime_type}), or null
     * @return this part
     */
    public Part type(String type) {
      return check(LibCurl.curl_mime_type(raw, type), "curl_mime_type");
    }

    /**
     * @param encoder "binary", "8bit", "7bit", "base64" or "quoted-printable"
     *     ({@code curl_mime_encoder}), or null for none
     * @return this part
     */
    public Part encoder(String encoder) {
      return check(LibCurl.curl_mime_encoder(raw, encoder), "curl_mime_encoder");
    }

    /**
     * @param data the part's content, copied ({@code curl_mime_data})
     * @return this part
     */
    public Part data(byte[] data) {
      return check(LibCurl.curl_mime_data(raw, data, data.length), "curl_mime_data");
    }

    /**
     * @param text the part's content, as UTF-8 ({@code curl_mime_data})
     * @return this part
     */
    public Part data(String text) {
      return data(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The part's content is read from a file when the transfer runs
     * ({@code curl_mime_filedata}); the file name is sent as the part's file name.
     *
     * @param file the file
     * @return this part
     */
    public Part file(Path file) {
      return check(LibCurl.curl_mime_filedata(raw, file.toString()), "curl_mime_filedata");
    }

    /**
     * The part's content comes from callbacks when the transfer runs
     * ({@code curl_mime_data_cb}).
     *
     * @param size the content's size, or -1 when unknown
     * @param read supplies the content
     * @param seek rewinds it (for resends), or null
     * @return this part
     */
    public Part data(long size, ReadCallback read, SeekCallback seek) {
      Chunk chunk = new Chunk();
      curl_read_callback r = (buf, s, n, arg) -> {
        try {
          int k = read.read(chunk.wrap(buf));
          return k == ReadCallback.ABORT ? LibCurl.CURL_READFUNC_ABORT
              : k == ReadCallback.PAUSE ? LibCurl.CURL_READFUNC_PAUSE : k;
        } catch (Exception e) {
          throw Sneaky.raise(e);
        } finally {
          chunk.release();
        }
      };
      curl_seek_callback sk = seek == null ? null : (arg, offset, origin) -> {
        try {
          return seek.seek(offset, origin);
        } catch (Exception e) {
          throw Sneaky.raise(e);
        }
      };
      return check(LibCurl.curl_mime_data_cb(raw, size, r, sk, null, null), "curl_mime_data_cb");
    }

    /**
     * Makes this part a multipart of its own ({@code curl_mime_subparts}); it takes
     * ownership of {@code parts}, which is freed with this body. {@code null} unassigns the
     * part's content (earlier subparts are freed), as in C.
     *
     * @param parts the nested multipart body, or null
     * @return this part
     */
    public Part subparts(CurlMime parts) {
      return check(LibCurl.curl_mime_subparts(raw, parts == null ? null : parts.raw),
          "curl_mime_subparts");
    }

    /**
     * @param headers the part's own header lines ({@code curl_mime_headers}); CR and LF
     *     are rejected
     * @return this part
     */
    public Part headers(List<String> headers) {
      headers.forEach(CurlEasy::checkNoNewline);
      return check(LibCurl.curl_mime_headers(raw, curl_slist.of(headers), 1),
          "curl_mime_headers");
    }
  }
}
