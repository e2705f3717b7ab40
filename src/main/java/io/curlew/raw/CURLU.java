package io.curlew.raw;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * libcurl's {@code CURLU}: a URL handle of the URL API, made by {@link LibCurl#curl_url} and
 * freed by {@link LibCurl#curl_url_cleanup}. Freeing one that is set as CURLOPT_CURLU on easy
 * handles first unsets it there, so libcurl never reads freed memory.
 */
public final class CURLU extends NativeHandle {

  final Set<CURL> users = new LinkedHashSet<>();

  CURLU(long address) {
    super(address);
  }

  @Override
  String kind() {
    return "URL handle (CURLU)";
  }
}
