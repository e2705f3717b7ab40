package io.curlew;

import java.util.List;

/**
 * Versions, features and protocols of the bundled libcurl ({@code curl_version_info}).
 *
 * @param version libcurl's version, e.g. "8.21.0"
 * @param versionNumber LIBCURL_VERSION_NUM, e.g. 0x081500
 * @param ssl the TLS library, e.g. "OpenSSL/3.5.7"
 * @param nghttp2 nghttp2's version, e.g. "1.70.0", or null
 * @param zlib zlib's version, e.g. "1.3.1", or null
 * @param brotli brotli's version as libcurl spells it, e.g. "brotli/1.1.0", or null
 * @param zstd zstd's version as libcurl spells it, e.g. "zstd/1.5.7", or null
 * @param featureBits the CURL_VERSION_* bits
 * @param features the feature names (e.g. "HTTP2", "AsynchDNS", "IPv6")
 * @param protocols the protocols, lower case
 * @param host the build's host triple
 */
public record VersionInfo(String version, int versionNumber, String ssl, String nghttp2,
    String zlib, String brotli, String zstd, int featureBits, List<String> features,
    List<String> protocols, String host) {

  /**
   * @param name a feature name such as "HTTP2"
   * @return whether libcurl has it
   */
  public boolean hasFeature(String name) {
    return features.stream().anyMatch(f -> f.equalsIgnoreCase(name));
  }

  /**
   * @param name a protocol such as "https"
   * @return whether libcurl supports it
   */
  public boolean hasProtocol(String name) {
    return protocols.stream().anyMatch(p -> p.equalsIgnoreCase(name));
  }

  /**
   * The check C programs do with LIBCURL_VERSION_NUM: is the bundled libcurl at least this
   * version?
   *
   * @param major major version
   * @param minor minor version
   * @param patch patch version
   * @return whether libcurl is that version or newer
   */
  public boolean atLeast(int major, int minor, int patch) {
    return versionNumber >= (major << 16 | minor << 8 | patch);
  }
}
