package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import io.curlew.raw.jni.MimeUpcalls;
import java.util.List;

/**
 * libcurl's MIME API ({@code curl_mime_*}) under its C names. Part of {@link LibCurl}.
 * Parts live as long as their MIME structure; using a part of a freed structure is an
 * {@link IllegalStateException}.
 */
public class LibCurlMime extends LibCurlUrl {

  LibCurlMime() {
  }

  /**
   * {@code curl_mime_init}.
   *
   * @param easy the handle the structure is for, or null
   * @return a new MIME structure, or null
   */
  public static curl_mime curl_mime_init(CURL easy) {
    Global.ensure();
    long curl = 0;
    NativeHandle g = easy == null ? null : easy.acquire();
    try {
      if (easy != null) {
        curl = CurlewNative.curlew_easy_handle(easy.address());
      }
      long m = CurlewNative.curl_mime_init(curl);
      return m == 0 ? null : new curl_mime(m);
    } finally {
      if (g != null) {
        NativeHandle.release(g);
      }
    }
  }

  /**
   * {@code curl_mime_free}: frees the structure and its parts, first unsetting it as
   * CURLOPT_MIMEPOST on every easy handle that uses it.
   *
   * @param mime the structure, or null
   * @throws IllegalStateException for a structure that is another part's subparts (it is
   *     freed with its root)
   */
  public static void curl_mime_free(curl_mime mime) {
    if (mime == null || mime.isClosed()) {
      return;
    }
    if (mime.owner != null) {
      throw new IllegalStateException("this curl_mime belongs to a part (curl_mime_subparts) "
          + "and is freed with the structure that holds that part");
    }
    NativeHandle g = mime.acquireExclusive("curl_mime_free");
    try {
      for (CURL user : mime.users.toArray(new CURL[0])) {
        curl_easy_setopt(user, CURLOPT_MIMEPOST, (curl_mime) null);
      }
      long m = mime.address();
      closeTree(mime);
      CurlewNative.curl_mime_free(m);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * The callback sources a structure's parts read from, subparts included: libcurl's
   * copy of the structure (curl_easy_duphandle) reads from them too, and frees each once
   * more.
   */
  static void collectSources(curl_mime mime, List<Long> out) {
    for (curl_mimepart part : mime.parts) {
      if (part.sourceId != 0) {
        out.add(part.sourceId);
      }
      if (part.subparts != null) {
        collectSources(part.subparts, out);
      }
    }
  }

  private static void closeTree(curl_mime mime) {
    for (curl_mime child : mime.children) {
      closeTree(child);
    }
    mime.children.clear();
    mime.markClosed();
  }

  /**
   * @param mime the structure
   * @return {@code curl_mime_addpart}: a new part, or null
   */
  public static curl_mimepart curl_mime_addpart(curl_mime mime) {
    NativeHandle g = mime.acquire();
    try {
      long p = CurlewNative.curl_mime_addpart(mime.address());
      if (p == 0) {
        return null;
      }
      curl_mimepart part = new curl_mimepart(mime, p);
      mime.parts.add(part);
      return part;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param part the part
   * @param name its name, or null
   * @return {@code curl_mime_name}
   */
  public static int curl_mime_name(curl_mimepart part, String name) {
    NativeHandle g = part.mime.acquire();
    try {
      return CurlewNative.curl_mime_name(part.address, CStrings.of(name));
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param part the part
   * @param filename remote file name, or null
   * @return {@code curl_mime_filename}
   */
  public static int curl_mime_filename(curl_mimepart part, String filename) {
    NativeHandle g = part.mime.acquire();
    try {
      return CurlewNative.curl_mime_filename(part.address, CStrings.of(filename));
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param part the part
   * @param mimetype content type, or null
   * @return {@code curl_mime_type}
   */
  public static int curl_mime_type(curl_mimepart part, String mimetype) {
    NativeHandle g = part.mime.acquire();
    try {
      return CurlewNative.curl_mime_type(part.address, CStrings.of(mimetype));
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * @param part the part
   * @param encoding "binary", "8bit", "7bit", "base64" or "quoted-printable", or null
   * @return {@code curl_mime_encoder}
   */
  public static int curl_mime_encoder(curl_mimepart part, String encoding) {
    NativeHandle g = part.mime.acquire();
    try {
      return CurlewNative.curl_mime_encoder(part.address, CStrings.of(encoding));
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_mime_data} with text.
   *
   * @param part the part
   * @param data the text (UTF-8)
   * @param datasize bytes of it, or CURL_ZERO_TERMINATED for all
   * @return a CURLcode
   */
  public static int curl_mime_data(curl_mimepart part, String data, long datasize) {
    byte[] b = data == null ? null : data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return curl_mime_data(part, b, datasize == CURL_ZERO_TERMINATED || b == null
        ? (b == null ? 0 : b.length) : datasize);
  }

  /**
   * {@code curl_mime_data} with bytes (copied).
   *
   * @param part the part
   * @param data the bytes
   * @param datasize how many of them
   * @return a CURLcode
   */
  public static int curl_mime_data(curl_mimepart part, byte[] data, long datasize) {
    if (data != null) {
      checkLength(data, datasize);
    }
    NativeHandle g = part.mime.acquire();
    try {
      contentReplaced(part);
      return CurlewNative.curl_mime_data(part.address, data, data == null ? 0 : datasize);
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_mime_filedata}: the part's data is read from a file at transfer time.
   *
   * @param part the part
   * @param filename the local file
   * @return a CURLcode; CURLE_READ_ERROR when it cannot be read
   */
  public static int curl_mime_filedata(curl_mimepart part, String filename) {
    NativeHandle g = part.mime.acquire();
    try {
      contentReplaced(part);
      return CurlewNative.curl_mime_filedata(part.address, CStrings.of(filename));
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_mime_data_cb}: the part's data comes from Java callbacks at transfer time.
   *
   * @param part the part
   * @param datasize the size, or -1 when unknown (then sent chunked)
   * @param readfunc supplies the data
   * @param seekfunc rewinds it, or null
   * @param freefunc called when libcurl is done with the part, or null
   * @param arg handed to the three callbacks
   * @return a CURLcode
   */
  public static int curl_mime_data_cb(curl_mimepart part, long datasize,
      curl_read_callback readfunc, curl_seek_callback seekfunc, curl_free_callback freefunc,
      Object arg) {
    NativeHandle g = part.mime.acquire();
    try {
      contentReplaced(part);
      long id = MimeUpcalls.register(new MimeSource(readfunc, seekfunc, freefunc, arg));
      int rc = CurlewNative.curlew_mime_data_cb(part.mime.address(), part.address, datasize,
          id);
      if (rc != CURLE_OK) {
        MimeUpcalls.unregister(id);
      } else {
        part.sourceId = id;
      }
      return rc;
    } finally {
      NativeHandle.release(g);
    }
  }

  /**
   * {@code curl_mime_subparts}: the part becomes a multipart of its own; it takes
   * ownership of {@code subparts}, which is freed with this part's structure.
   *
   * <p>Like libcurl, it answers CURLE_BAD_FUNCTION_ARGUMENT (and leaves the part empty)
   * for a structure that is attached elsewhere already (another part's subparts, or an
   * easy handle's CURLOPT_MIMEPOST) or that would make a cycle (the part's own root).
   *
   * @param part the part
   * @param subparts the nested structure, or null
   * @return a CURLcode
   */
  public static int curl_mime_subparts(curl_mimepart part, curl_mime subparts) {
    if (subparts != null && subparts == part.subparts) {
      return CURLE_OK; // libcurl accepts the same subparts twice and changes nothing
    }
    NativeHandle g = part.mime.acquire();
    NativeHandle sg = subparts == null ? null : subparts.acquire();
    try {
      contentReplaced(part);
      int rc = CurlewNative.curl_mime_subparts(part.address,
          subparts == null ? 0 : subparts.address());
      if (rc == CURLE_OK && subparts != null) {
        subparts.owner = part.mime;
        part.mime.children.add(subparts);
        part.subparts = subparts;
      }
      return rc;
    } finally {
      if (sg != null) {
        NativeHandle.release(sg);
      }
      NativeHandle.release(g);
    }
  }

  /**
   * New content frees the part's old content in libcurl: close the Java side of old
   * subparts too. (An old callback source goes when libcurl calls its free function.)
   */
  private static void contentReplaced(curl_mimepart part) {
    part.sourceId = 0;
    if (part.subparts != null) {
      part.mime.children.remove(part.subparts);
      closeTree(part.subparts);
      part.subparts = null;
    }
  }

  /**
   * {@code curl_mime_headers}: the part's own headers (copied).
   *
   * @param part the part
   * @param headers the headers, or null
   * @param takeOwnership ignored: curlew always gives libcurl a copy
   * @return a CURLcode
   */
  public static int curl_mime_headers(curl_mimepart part, curl_slist headers,
      int takeOwnership) {
    List<String> list = curl_slist.toList(headers);
    NativeHandle g = part.mime.acquire();
    try {
      return CurlewNative.curlew_mime_headers(part.address,
          list.isEmpty() ? null : CStrings.packed(list), list.size());
    } finally {
      NativeHandle.release(g);
    }
  }
}
