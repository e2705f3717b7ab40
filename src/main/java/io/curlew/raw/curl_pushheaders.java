package io.curlew.raw;

/**
 * libcurl's {@code struct curl_pushheaders}: the headers of an HTTP/2 server push, read
 * with {@link LibCurl#curl_pushheader_bynum} and {@link LibCurl#curl_pushheader_byname}
 * during the push callback only.
 */
public final class curl_pushheaders {
  long address;

  curl_pushheaders(long address) {
    this.address = address;
  }
}
