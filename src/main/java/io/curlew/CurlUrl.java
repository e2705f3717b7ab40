package io.curlew;

import io.curlew.raw.CURLU;
import io.curlew.raw.LibCurl;

/**
 * A URL parsed and built by libcurl's URL API ({@code CURLU}): get and set each part with
 * libcurl's own parser, so what a transfer uses is what you checked. Set it on a handle
 * with {@link CurlOption#CURLU}. Closing it while handles use it unsets it there first.
 */
public final class CurlUrl implements AutoCloseable {

  /** The parts of a URL ({@code CURLUPART_*}). */
  public enum Part {
    /** The whole URL ({@code CURLUPART_URL}). */
    URL(LibCurl.CURLUPART_URL),
    /** {@code CURLUPART_SCHEME}. */
    SCHEME(LibCurl.CURLUPART_SCHEME),
    /** {@code CURLUPART_USER}. */
    USER(LibCurl.CURLUPART_USER),
    /** {@code CURLUPART_PASSWORD}. */
    PASSWORD(LibCurl.CURLUPART_PASSWORD),
    /** {@code CURLUPART_OPTIONS}. */
    OPTIONS(LibCurl.CURLUPART_OPTIONS),
    /** {@code CURLUPART_HOST}. */
    HOST(LibCurl.CURLUPART_HOST),
    /** {@code CURLUPART_ZONEID}. */
    ZONEID(LibCurl.CURLUPART_ZONEID),
    /** {@code CURLUPART_PORT}. */
    PORT(LibCurl.CURLUPART_PORT),
    /** {@code CURLUPART_PATH}. */
    PATH(LibCurl.CURLUPART_PATH),
    /** {@code CURLUPART_QUERY}. */
    QUERY(LibCurl.CURLUPART_QUERY),
    /** {@code CURLUPART_FRAGMENT}. */
    FRAGMENT(LibCurl.CURLUPART_FRAGMENT);

    final int value;

    Part(int value) {
      this.value = value;
    }
  }

  /** {@code CURLU_*} flags for {@link #get(Part, int)} and {@link #set(Part, String, int)}. */
  public static final class Flags {
    /** {@code CURLU_DEFAULT_PORT}: get the scheme's default port when none is set. */
    public static final int DEFAULT_PORT = LibCurl.CURLU_DEFAULT_PORT;
    /** {@code CURLU_NO_DEFAULT_PORT}: leave out a port that is the scheme's default. */
    public static final int NO_DEFAULT_PORT = LibCurl.CURLU_NO_DEFAULT_PORT;
    /** {@code CURLU_DEFAULT_SCHEME}: assume https when no scheme is given. */
    public static final int DEFAULT_SCHEME = LibCurl.CURLU_DEFAULT_SCHEME;
    /** {@code CURLU_NON_SUPPORT_SCHEME}: accept schemes libcurl does not support. */
    public static final int NON_SUPPORT_SCHEME = LibCurl.CURLU_NON_SUPPORT_SCHEME;
    /** {@code CURLU_PATH_AS_IS}: keep "../" and "./" sequences. */
    public static final int PATH_AS_IS = LibCurl.CURLU_PATH_AS_IS;
    /** {@code CURLU_DISALLOW_USER}: refuse URLs with user names. */
    public static final int DISALLOW_USER = LibCurl.CURLU_DISALLOW_USER;
    /** {@code CURLU_URLDECODE}: URL-decode on get. */
    public static final int URLDECODE = LibCurl.CURLU_URLDECODE;
    /** {@code CURLU_URLENCODE}: URL-encode on set. */
    public static final int URLENCODE = LibCurl.CURLU_URLENCODE;
    /** {@code CURLU_APPENDQUERY}: append to the query instead of replacing it. */
    public static final int APPENDQUERY = LibCurl.CURLU_APPENDQUERY;
    /** {@code CURLU_GUESS_SCHEME}: guess the scheme from the host name. */
    public static final int GUESS_SCHEME = LibCurl.CURLU_GUESS_SCHEME;
    /** {@code CURLU_NO_AUTHORITY}: allow an empty authority. */
    public static final int NO_AUTHORITY = LibCurl.CURLU_NO_AUTHORITY;
    /** {@code CURLU_ALLOW_SPACE}: allow spaces. */
    public static final int ALLOW_SPACE = LibCurl.CURLU_ALLOW_SPACE;
    /** {@code CURLU_PUNYCODE}: get the host as punycode. */
    public static final int PUNYCODE = LibCurl.CURLU_PUNYCODE;
    /** {@code CURLU_PUNY2IDN}: get a punycode host as IDN. */
    public static final int PUNY2IDN = LibCurl.CURLU_PUNY2IDN;
    /** {@code CURLU_GET_EMPTY}: get empty query and fragment parts as "". */
    public static final int GET_EMPTY = LibCurl.CURLU_GET_EMPTY;
    /** {@code CURLU_NO_GUESS_SCHEME}: do not report a guessed scheme. */
    public static final int NO_GUESS_SCHEME = LibCurl.CURLU_NO_GUESS_SCHEME;

    private Flags() {
    }
  }

  private final CURLU raw;

  /** An empty URL handle ({@code curl_url}). */
  public CurlUrl() {
    this(LibCurl.curl_url());
  }

  private CurlUrl(CURLU raw) {
    if (raw == null) {
      throw new OutOfMemoryError("curl_url failed");
    }
    this.raw = raw;
  }

  /**
   * Parses a URL.
   *
   * @param url the URL
   * @param flags {@link Flags} bits
   * @return the parsed URL
   * @throws CurlUrlException when libcurl rejects it
   */
  public static CurlUrl parse(String url, int flags) throws CurlUrlException {
    CurlUrl u = new CurlUrl();
    try {
      u.set(Part.URL, url, flags);
      return u;
    } catch (CurlUrlException | RuntimeException e) {
      u.close();
      throw e;
    }
  }

  /**
   * Parses a URL with no flags.
   *
   * @param url the URL
   * @return the parsed URL
   * @throws CurlUrlException when libcurl rejects it
   */
  public static CurlUrl parse(String url) throws CurlUrlException {
    return parse(url, 0);
  }

  /**
   * Reads a part ({@code curl_url_get}).
   *
   * @param part which
   * @param flags {@link Flags} bits
   * @return the part
   * @throws CurlUrlException when it is missing (CURLUE_NO_HOST, CURLUE_NO_PORT, ...)
   */
  public String get(Part part, int flags) throws CurlUrlException {
    String[] out = new String[1];
    int rc = LibCurl.curl_url_get(raw, part.value, out, flags);
    if (rc != LibCurl.CURLUE_OK) {
      throw new CurlUrlException(rc, "getting " + part);
    }
    return out[0];
  }

  /**
   * @param part which
   * @return the part, unflagged
   * @throws CurlUrlException when it is missing
   */
  public String get(Part part) throws CurlUrlException {
    return get(part, 0);
  }

  /**
   * Sets or clears a part ({@code curl_url_set}); setting {@link Part#URL} parses a whole
   * URL, relative ones against the current one.
   *
   * @param part which
   * @param value the value, or null to clear the part
   * @param flags {@link Flags} bits
   * @return this URL
   * @throws CurlUrlException when libcurl rejects the value
   */
  public CurlUrl set(Part part, String value, int flags) throws CurlUrlException {
    int rc;
    try {
      rc = LibCurl.curl_url_set(raw, part.value, value, flags);
    } catch (IllegalArgumentException e) {
      // a NUL in the value: libcurl would see a shorter string; refuse like libcurl would
      throw new CurlUrlException(LibCurl.CURLUE_MALFORMED_INPUT, e.getMessage());
    }
    if (rc != LibCurl.CURLUE_OK) {
      throw new CurlUrlException(rc, "setting " + part);
    }
    return this;
  }

  /**
   * @param part which
   * @param value the value, or null to clear it
   * @return this URL
   * @throws CurlUrlException when libcurl rejects the value
   */
  public CurlUrl set(Part part, String value) throws CurlUrlException {
    return set(part, value, 0);
  }

  /**
   * @return a copy ({@code curl_url_dup})
   */
  public CurlUrl dup() {
    return new CurlUrl(LibCurl.curl_url_dup(raw));
  }

  CURLU raw() {
    return raw;
  }

  /** @return the whole URL, or a description when it is incomplete */
  @Override
  public String toString() {
    try {
      return get(Part.URL);
    } catch (CurlUrlException e) {
      return "CurlUrl[" + e.code() + "]";
    }
  }

  /** Frees the URL handle ({@code curl_url_cleanup}), unsetting it from handles using it. */
  @Override
  public void close() {
    LibCurl.curl_url_cleanup(raw);
  }
}
