package io.curlew.raw;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * libcurl's {@code curl_mime}: a MIME structure, made by {@link LibCurl#curl_mime_init} and
 * freed by {@link LibCurl#curl_mime_free}. Freeing one detaches it from the easy handles
 * that use it as CURLOPT_MIMEPOST first; a structure used as subparts belongs to its part
 * and is freed with it.
 */
public final class curl_mime extends NativeHandle {

  final Set<CURL> users = new LinkedHashSet<>();
  final List<curl_mime> children = new ArrayList<>();
  /** the parts, in order (for curl_easy_duphandle, which copies their content) */
  final List<curl_mimepart> parts = new ArrayList<>();
  /** the structure whose part owns this one, or null for a root */
  curl_mime owner;

  curl_mime(long address) {
    super(address);
  }

  @Override
  String kind() {
    return "MIME structure (curl_mime)";
  }
}
