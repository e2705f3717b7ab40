package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;

/**
 * libcurl's global functions, version information, error strings, slists and the small
 * pieces of C (sockets, {@code select}) that ports of libcurl programs use. Part of
 * {@link LibCurl}; use it through {@code import static io.curlew.raw.LibCurl.*;}.
 */
public class LibCurlGlobal extends LibCurlConstants {

  LibCurlGlobal() {
  }

  /** libcurl's global state: initialized once, lazily, before the first handle. */
  static final class Global {
    private static final int RC;
    private static int userInits;

    static {
      CurlewNative.ensureLoaded();
      RC = CurlewNative.curlew_global_init(CURL_GLOBAL_DEFAULT);
    }

    private Global() {
    }

    static void ensure() {
      if (RC != 0) {
        throw new IllegalStateException("curl_global_init failed with CURLcode " + RC);
      }
    }

    static synchronized int userInit(long flags) {
      int rc = CurlewNative.curlew_global_init(flags);
      if (rc == 0) {
        userInits++;
      }
      return rc;
    }

    static synchronized void userCleanup() {
      // curlew holds its own reference: only the application's inits are undone
      if (userInits > 0) {
        userInits--;
        CurlewNative.curlew_global_cleanup();
      }
    }
  }

  // --- global ----------------------------------------------------------------------

  /**
   * {@code curl_global_init}: curlew has already initialized libcurl; a call here only adds
   * a reference that a matching {@link #curl_global_cleanup} takes away.
   *
   * @param flags CURL_GLOBAL_* bits
   * @return a CURLcode
   */
  public static int curl_global_init(long flags) {
    Global.ensure();
    return Global.userInit(flags);
  }

  /**
   * {@code curl_global_cleanup}: undoes one {@link #curl_global_init} of the application;
   * curlew's own initialization stays, so handles elsewhere in the JVM keep working.
   */
  public static void curl_global_cleanup() {
    Global.userCleanup();
  }

  /**
   * {@code curl_global_trace}: enables libcurl's trace components for verbose output.
   *
   * @param config for example "http/2,-dns"
   * @return a CURLcode
   */
  public static int curl_global_trace(String config) {
    Global.ensure();
    return CurlewNative.curl_global_trace(CStrings.of(config));
  }

  /**
   * {@code curl_global_sslset}: this libcurl has one TLS backend (OpenSSL) and is already
   * initialized, so this answers CURLSSLSET_TOO_LATE or CURLSSLSET_UNKNOWN_BACKEND as
   * libcurl does.
   *
   * @param id a curl_sslbackend
   * @param name a backend name, or null
   * @return a CURLsslset
   */
  public static int curl_global_sslset(int id, String name) {
    Global.ensure();
    return CurlewNative.curl_global_sslset(id, CStrings.of(name), 0);
  }

  /** @return {@code curl_version()}: the libcurl version string with its libraries */
  public static String curl_version() {
    Global.ensure();
    return CStrings.at(CurlewNative.curl_version());
  }

  /**
   * {@code curl_version_info}.
   *
   * @param stamp CURLVERSION_NOW
   * @return versions, features and protocols of the bundled libcurl
   */
  public static curl_version_info_data curl_version_info(int stamp) {
    Global.ensure();
    return new curl_version_info_data();
  }

  /**
   * @param code a CURLcode
   * @return {@code curl_easy_strerror}
   */
  public static String curl_easy_strerror(int code) {
    Global.ensure();
    return CStrings.at(CurlewNative.curl_easy_strerror(code));
  }

  /**
   * @param code a CURLMcode
   * @return {@code curl_multi_strerror}
   */
  public static String curl_multi_strerror(int code) {
    Global.ensure();
    return CStrings.at(CurlewNative.curl_multi_strerror(code));
  }

  /**
   * @param code a CURLSHcode
   * @return {@code curl_share_strerror}
   */
  public static String curl_share_strerror(int code) {
    Global.ensure();
    return CStrings.at(CurlewNative.curl_share_strerror(code));
  }

  /**
   * @param code a CURLUcode
   * @return {@code curl_url_strerror}
   */
  public static String curl_url_strerror(int code) {
    Global.ensure();
    return CStrings.at(CurlewNative.curl_url_strerror(code));
  }

  /**
   * {@code curl_getdate}: parses a date string.
   *
   * @param p the date, in one of the formats libcurl knows
   * @param unused must be null
   * @return seconds since the epoch, or -1
   */
  public static long curl_getdate(String p, Object unused) {
    Global.ensure();
    return CurlewNative.curl_getdate(CStrings.of(p), 0);
  }

  /**
   * {@code curl_free}: strings from libcurl are Java strings here, already freed; accepted
   * for ports.
   *
   * @param p ignored
   */
  public static void curl_free(Object p) {
    // nothing to free: every string crossed into Java as a copy
  }

  // --- slists ------------------------------------------------------------------------

  /**
   * {@code curl_slist_append}: appends a copy of the string.
   *
   * @param list the list, or null for a new one
   * @param string what to append
   * @return the list's head
   */
  public static curl_slist curl_slist_append(curl_slist list, String string) {
    if (string == null) {
      throw new IllegalArgumentException("curl_slist_append needs a string");
    }
    CStrings.of(string); // rejects NUL early, as the C copy would cut there
    curl_slist node = new curl_slist(string);
    if (list == null) {
      return node;
    }
    curl_slist tail = list;
    while (tail.next != null) {
      tail = tail.next;
    }
    tail.next = node;
    return list;
  }

  /**
   * {@code curl_slist_free_all}: the list lives on the Java heap and libcurl holds its own
   * copy of any list set as an option, so this only empties the nodes.
   *
   * @param list the list, or null
   */
  public static void curl_slist_free_all(curl_slist list) {
    for (curl_slist n = list; n != null; ) {
      curl_slist next = n.next;
      n.data = null;
      n.next = null;
      n = next;
    }
  }

  // --- C pieces for ports ------------------------------------------------------------

  /**
   * C's {@code socket()}, for open-socket callbacks.
   *
   * @param family AF_INET (2) or AF_INET6 (10)
   * @param type SOCK_STREAM (1), ...
   * @param protocol 0 or IPPROTO_TCP (6)
   * @return the descriptor, or -1
   */
  public static int socket(int family, int type, int protocol) {
    return CurlewNative.curlew_socket_open(family, type, protocol);
  }

  /**
   * C's {@code close()} of a socket, for close-socket callbacks.
   *
   * @param fd the descriptor
   * @return 0, or -1
   */
  public static int close(int fd) {
    return CurlewNative.curlew_socket_close(fd);
  }

  /** @param set emptied, like C's {@code FD_ZERO} */
  public static void FD_ZERO(fd_set set) {
    set.clear();
  }

  /**
   * @param fd a descriptor
   * @param set the set it joins, like C's {@code FD_SET}
   */
  public static void FD_SET(int fd, fd_set set) {
    set.set(fd);
  }

  /**
   * @param fd a descriptor
   * @param set a set
   * @return C's {@code FD_ISSET}
   */
  public static boolean FD_ISSET(int fd, fd_set set) {
    return set.isSet(fd);
  }

  /**
   * C's {@code select()} over {@link fd_set}s, for ports of programs that wait with it.
   *
   * @param nfds highest descriptor plus one
   * @param readfds read set, or null
   * @param writefds write set, or null
   * @param exceptfds exception set, or null
   * @param timeoutMs how long to wait; negative waits without limit
   * @return the number of ready descriptors, 0 on timeout, -1 on error
   */
  public static int select(int nfds, fd_set readfds, fd_set writefds, fd_set exceptfds,
      long timeoutMs) {
    return CurlewNative.curlew_select(nfds, readfds == null ? null : readfds.bits,
        writefds == null ? null : writefds.bits, exceptfds == null ? null : exceptfds.bits,
        timeoutMs);
  }
}
