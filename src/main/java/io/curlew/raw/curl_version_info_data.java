package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import java.util.ArrayList;
import java.util.List;

/**
 * libcurl's {@code curl_version_info_data}: versions, features and protocols of the
 * bundled libcurl, as {@link LibCurl#curl_version_info} returns it.
 */
public final class curl_version_info_data {
  /** The CURLVERSION_* age of the struct. */
  public final int age;
  /** LIBCURL_VERSION. */
  public final String version;
  /** LIBCURL_VERSION_NUM. */
  public final int version_num;
  /** The build's host triple. */
  public final String host;
  /** CURL_VERSION_* feature bits. */
  public final int features;
  /** The TLS library and version. */
  public final String ssl_version;
  /** Always 0. */
  public final long ssl_version_num;
  /** zlib's version. */
  public final String libz_version;
  /** Supported protocols, lower case. */
  public final String[] protocols;
  /** c-ares version, or null. */
  public final String ares;
  /** c-ares version number. */
  public final int ares_num;
  /** libidn2 version, or null. */
  public final String libidn;
  /** iconv version number. */
  public final int iconv_ver_num;
  /** SSH library, or null. */
  public final String libssh_version;
  /** brotli version number. */
  public final int brotli_ver_num;
  /** brotli version. */
  public final String brotli_version;
  /** nghttp2 version number. */
  public final int nghttp2_ver_num;
  /** nghttp2 version. */
  public final String nghttp2_version;
  /** QUIC library, or null. */
  public final String quic_version;
  /** Built-in CA bundle, or null (curlew builds with none). */
  public final String cainfo;
  /** Built-in CA directory, or null. */
  public final String capath;
  /** zstd version number. */
  public final int zstd_ver_num;
  /** zstd version. */
  public final String zstd_version;
  /** Hyper version, or null. */
  public final String hyper_version;
  /** libgsasl version, or null. */
  public final String gsasl_version;
  /** Feature names. */
  public final String[] feature_names;
  /** librtmp version, or null. */
  public final String rtmp_version;

  curl_version_info_data() {
    age = (int) CurlewNative.curlew_version_info_number(0);
    version = field(0);
    version_num = (int) CurlewNative.curlew_version_info_number(1);
    host = field(1);
    features = (int) CurlewNative.curlew_version_info_number(2);
    ssl_version = field(2);
    ssl_version_num = CurlewNative.curlew_version_info_number(3);
    libz_version = field(3);
    protocols = list(1000);
    ares = field(4);
    ares_num = (int) CurlewNative.curlew_version_info_number(4);
    libidn = field(5);
    iconv_ver_num = (int) CurlewNative.curlew_version_info_number(5);
    libssh_version = field(6);
    brotli_ver_num = (int) CurlewNative.curlew_version_info_number(6);
    brotli_version = field(7);
    nghttp2_ver_num = (int) CurlewNative.curlew_version_info_number(7);
    nghttp2_version = field(8);
    quic_version = field(9);
    cainfo = field(10);
    capath = field(11);
    zstd_ver_num = (int) CurlewNative.curlew_version_info_number(8);
    zstd_version = field(12);
    hyper_version = field(13);
    gsasl_version = field(14);
    feature_names = list(2000);
    rtmp_version = field(15);
  }

  private static String field(int index) {
    return CStrings.at(CurlewNative.curlew_version_info_field(index));
  }

  private static String[] list(int base) {
    List<String> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      long p = CurlewNative.curlew_version_info_field(base + i);
      if (p == 0) {
        return out.toArray(new String[0]);
      }
      out.add(CStrings.at(p));
    }
  }
}
