package io.curlew.raw;

/**
 * libcurl's C API under its C names, for ports of C programs:
 * {@code import static io.curlew.raw.LibCurl.*;} brings in every function
 * ({@code curl_easy_init}, {@code curl_easy_setopt}, {@code curl_multi_socket_action},
 * {@code curl_url_get}, ...) and every constant ({@code CURLOPT_URL}, {@code CURLE_OK},
 * {@code CURLINFO_RESPONSE_CODE}, ...) of the bundled libcurl.
 *
 * <p>The functions are grouped by area in the classes this one extends:
 * {@link LibCurlGlobal}, {@link LibCurlEasy}, {@link LibCurlCallbacks},
 * {@link LibCurlMulti}, {@link LibCurlShare}, {@link LibCurlUrl}, {@link LibCurlMime},
 * {@link LibCurlWebSocket}; the constants are in {@link LibCurlConstants}, generated from
 * the headers the native library is built from.
 *
 * <p>C pointers become Java forms: out-parameters are one-element arrays, strings are
 * {@code String}s (UTF-8), buffers are {@code byte[]}, callbacks are the functional
 * interfaces named after libcurl's typedefs ({@link curl_write_callback}, ...), and *DATA
 * pointers are any Java object. Misuse that would crash a C program (a freed handle, a
 * handle used by two threads, a value of the wrong type) is a Java exception here.
 */
public final class LibCurl extends LibCurlWebSocket {

  private LibCurl() {
  }
}
