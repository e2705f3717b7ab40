package io.curlew.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.regex.Pattern;

/**
 * libcurl's verbose output, logged to {@code System.Logger} "io.curlew.wire" at DEBUG (or
 * TRACE for body data) instead of being printed: header values of Authorization,
 * Proxy-Authorization, Cookie and Set-Cookie, cookie values in libcurl's notes, and
 * user:password in URLs, are redacted.
 */
public final class WireLog {

  /** The logger verbose output goes to. */
  public static final Logger LOG = System.getLogger("io.curlew.wire");

  private static final Pattern SECRET_HEADER = Pattern.compile(
      "^((?:Proxy-)?Authorization|Cookie|Set-Cookie)(\\s*:\\s*)(.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** libcurl's own notes about cookies carry their values */
  private static final Pattern COOKIE_NOTE = Pattern.compile(
      "((?:Added|Replaced) cookie \\S+=\")[^\"]*(\")");
  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s'\"]+@");

  private WireLog() {
  }

  /**
   * Redacts one line of verbose output.
   *
   * @param line a header line or message
   * @return the line with secrets replaced by [redacted]
   */
  public static String redact(String line) {
    String s = SECRET_HEADER.matcher(line).replaceFirst("$1$2[redacted]");
    s = COOKIE_NOTE.matcher(s).replaceAll("$1[redacted]$2");
    return URL_CREDENTIALS.matcher(s).replaceAll("$1[redacted]@");
  }

  /**
   * Logs the size of body or TLS data (never its content) at TRACE.
   *
   * @param type CURLINFO_DATA_IN and up
   * @param size bytes
   */
  public static void logData(int type, long size) {
    if (LOG.isLoggable(Level.TRACE)) {
      LOG.log(Level.TRACE, (type % 2 == 1 ? "<= " : "=> ") + size + " bytes"
          + (type >= 5 ? " (TLS)" : ""));
    }
  }

  /**
   * Logs one piece of verbose text or header output at DEBUG, redacted.
   *
   * @param type CURLINFO_TEXT, CURLINFO_HEADER_IN or CURLINFO_HEADER_OUT
   * @param text the text (ISO-8859-1 decoded)
   */
  public static void log(int type, String text) {
    if (!LOG.isLoggable(Level.DEBUG)) {
      return;
    }
    String prefix = type == 0 ? "* " : type == 1 ? "< " : "> ";
    for (String line : text.split("\r?\n")) {
      if (!line.isEmpty()) {
        LOG.log(Level.DEBUG, prefix + redact(line));
      }
    }
  }
}
