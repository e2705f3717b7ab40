package io.curlew.raw;

/** libcurl's {@code struct curl_easyoption}: one entry of its option table. */
public final class curl_easyoption {
  /** Name without CURLOPT_. */
  public final String name;
  /** The CURLoption value. */
  public final int id;
  /** A CURLOT_* type. */
  public final int type;
  /** CURLOT_FLAG_ALIAS when the name is an alias. */
  public final int flags;
  final long address;

  curl_easyoption(String name, int id, int type, int flags, long address) {
    this.name = name;
    this.id = id;
    this.type = type;
    this.flags = flags;
    this.address = address;
  }
}
