package io.curlew;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One certificate of a TLS peer's chain, as {@code CURLINFO_CERTINFO} reports it (with
 * {@link CurlOption#CERTINFO} on): libcurl's "name:value" fields, such as Subject, Issuer,
 * Start date, Expire date and Cert (the PEM).
 *
 * @param entries the fields in libcurl's order, as "name:value" strings
 */
public record CertificateInfo(List<String> entries) {

  /** @param entries the fields, copied */
  public CertificateInfo {
    entries = List.copyOf(entries);
  }

  /** @return the fields by name (the first of several with the same name wins) */
  public Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : entries) {
      int colon = e.indexOf(':');
      if (colon > 0) {
        m.putIfAbsent(e.substring(0, colon), e.substring(colon + 1));
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * @param name a field name such as "Subject"
   * @return its value, or null
   */
  public String get(String name) {
    return fields().get(name);
  }
}
