package io.curlew.raw;

/** libcurl's {@code struct curl_hstsentry}: one HSTS cache entry. */
public final class curl_hstsentry {
  /** The host name. */
  public String name;
  /** Size of libcurl's name buffer in a read callback ({@code namelen}). */
  public final long namelen;
  /** Whether the entry covers subdomains. */
  public boolean includeSubDomains;
  /** Expiry as "YYYYMMDD HH:MM:SS", or null/empty for never. */
  public String expire;

  curl_hstsentry(String name, long namelen, boolean includeSubDomains, String expire) {
    this.name = name;
    this.namelen = namelen;
    this.includeSubDomains = includeSubDomains;
    this.expire = expire;
  }
}
