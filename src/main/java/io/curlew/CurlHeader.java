package io.curlew;

/**
 * One response header, as libcurl's header API returns it ({@code struct curl_header}).
 *
 * @param name the name, in the case libcurl has it
 * @param value the value
 * @param amount how many headers of this name the response has
 * @param index this header's index among them
 * @param origin where it came from: {@link #HEADER}, {@link #TRAILER}, {@link #CONNECT},
 *     {@link #INFORMATIONAL} or {@link #PSEUDO}
 */
public record CurlHeader(String name, String value, long amount, long index, int origin) {

  /** {@code CURLH_HEADER}: a plain response header. */
  public static final int HEADER = 1;
  /** {@code CURLH_TRAILER}: a trailer. */
  public static final int TRAILER = 1 << 1;
  /** {@code CURLH_CONNECT}: from a proxy's CONNECT response. */
  public static final int CONNECT = 1 << 2;
  /** {@code CURLH_1XX}: from a 1xx response. */
  public static final int INFORMATIONAL = 1 << 3;
  /** {@code CURLH_PSEUDO}: an HTTP/2 or HTTP/3 pseudo header such as ":status". */
  public static final int PSEUDO = 1 << 4;
}
