package io.curlew.callback;

/**
 * One HSTS cache entry ({@code struct curl_hstsentry}).
 *
 * @param host the host name
 * @param includeSubDomains whether it covers subdomains
 * @param expire "YYYYMMDD HH:MM:SS" (UTC), or null for never
 */
public record HstsEntry(String host, boolean includeSubDomains, String expire) {
}
