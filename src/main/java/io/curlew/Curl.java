package io.curlew;

import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_version_info_data;

/**
 * The bundled libcurl as a whole: its version and features. libcurl's global
 * initialization ({@code curl_global_init}) happens once, lazily and thread-safely, the
 * first time any curlew class needs libcurl; there is nothing to call first.
 */
public final class Curl {

  private static volatile VersionInfo versionInfo;

  private Curl() {
  }

  /** @return {@code curl_version()}, e.g. "libcurl/8.21.0 OpenSSL/3.5.7 zlib/1.3.1 ..." */
  public static String version() {
    return LibCurl.curl_version();
  }

  /** @return versions, features and protocols of the bundled libcurl ({@code curl_version_info}) */
  public static VersionInfo versionInfo() {
    VersionInfo v = versionInfo;
    if (v == null) {
      curl_version_info_data d = LibCurl.curl_version_info(LibCurl.CURLVERSION_NOW);
      v = new VersionInfo(d.version, d.version_num, d.ssl_version, d.nghttp2_version,
          d.libz_version, d.brotli_version, d.zstd_version, d.features,
          java.util.List.of(d.feature_names), java.util.List.of(d.protocols), d.host);
      versionInfo = v;
    }
    return v;
  }

  /**
   * @param code a CURLcode
   * @return libcurl's text for it ({@code curl_easy_strerror})
   */
  public static String strerror(int code) {
    return LibCurl.curl_easy_strerror(code);
  }

  /**
   * @param code a CURLMcode
   * @return {@code curl_multi_strerror}
   */
  public static String multiStrerror(int code) {
    return LibCurl.curl_multi_strerror(code);
  }

  /**
   * @param code a CURLSHcode
   * @return {@code curl_share_strerror}
   */
  public static String shareStrerror(int code) {
    return LibCurl.curl_share_strerror(code);
  }

  /**
   * @param code a CURLUcode
   * @return {@code curl_url_strerror}
   */
  public static String urlStrerror(int code) {
    return LibCurl.curl_url_strerror(code);
  }
}
