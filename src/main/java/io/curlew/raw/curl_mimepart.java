package io.curlew.raw;

/**
 * libcurl's {@code curl_mimepart}: one part of a {@link curl_mime}, made by
 * {@link LibCurl#curl_mime_addpart}. It lives as long as its MIME structure.
 */
public final class curl_mimepart {

  final curl_mime mime;
  final long address;
  /** the structure set with curl_mime_subparts, freed by libcurl when replaced */
  curl_mime subparts;
  /** the MimeUpcalls source of curl_mime_data_cb content, 0 for other content */
  long sourceId;

  curl_mimepart(curl_mime mime, long address) {
    this.mime = mime;
    this.address = address;
  }
}
