package io.curlew.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names of every constant libcurl's headers define: the members of
 * each enum (from the preprocessed headers) and the object-like macros (from
 * the preprocessor's macro dump). Values are not read here; {@link Probe}
 * asks the compiler for them.
 */
final class HeaderScanner {

  /** One constant name, with the enum it belongs to (null for a macro). */
  record Name(String name, String enumName, boolean deprecated) {}

  private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"");
  private static final Pattern ENUM =
      Pattern.compile("(typedef\\s+)?enum\\s*(\\w*)\\s*\\{([^{}]*)\\}\\s*(\\w*)");
  private static final Pattern MEMBER = Pattern.compile("^\\s*([A-Za-z_]\\w*)");
  private static final Pattern DIRECTIVE = Pattern.compile("^[ \\t]*#.*$", Pattern.MULTILINE);
  private static final Pattern DEFINE =
      Pattern.compile("^#define[ \\t]+(\\w+)[ \\t]+(\\S.*)$", Pattern.MULTILINE);

  /** Macros that are not values (compiler plumbing, format strings). */
  private static final List<String> NOT_VALUES = List.of(
      "CURL_EXTERN", "CURLINC_", "CURL_DEPRECATED", "CURL_TYPEOF_", "CURL_FORMAT_",
      "CURL_SUFFIX_", "CURL_PULL_", "CURL_SIZEOF_", "CURL_ISOCPP", "CURL_WIN32",
      "CURL_STATICLIB", "CURL_DISABLE_", "CURL_DID_", "CURL_HAS_", "CURL_IGNORE_",
      "CURL_NO_OLDIES", "CURL_STRICTER", "CURL_ALLOW_", "CURLOPTDEPRECATED",
      "CURL_TEMP_", "CURL_OFF_T_C", "CURL_OFF_TU_C");

  private final Map<String, Name> names = new LinkedHashMap<>();

  /**
   * Scans the output of {@code cc -E -dD}: the preprocessed headers with their
   * {@code #define} lines kept in place, so names come out in header order.
   */
  HeaderScanner(String preprocessed) {
    // Strings go first (they may hold commas and braces); deprecation
    // attributes stay, so each enum member can be marked.
    String text = STRING.matcher(preprocessed).replaceAll("\"\"");
    TreeMap<Integer, Name> found = new TreeMap<>();
    Matcher m = ENUM.matcher(text);
    while (m.find()) {
      String enumName = m.group(1) != null && !m.group(4).isEmpty() ? m.group(4) : m.group(2);
      int offset = m.start(3);
      for (String item : m.group(3).split(",")) {
        // -dD leaves #define lines inside enum bodies; they are not members
        Matcher im = MEMBER.matcher(DIRECTIVE.matcher(item).replaceAll(""));
        if (im.find() && wanted(im.group(1))) {
          found.put(offset, new Name(im.group(1), enumName.isEmpty() ? null : enumName,
              item.contains("deprecated")));
        }
        offset += item.length() + 1;
      }
    }
    Matcher d = DEFINE.matcher(text);
    while (d.find()) {
      if (wanted(d.group(1))) {
        found.put(d.start(), new Name(d.group(1), null, false));
      }
    }
    for (Name n : found.values()) {
      names.putIfAbsent(n.name(), n);
    }
  }

  List<Name> names() {
    return new ArrayList<>(names.values());
  }

  private static boolean wanted(String name) {
    if (!name.startsWith("CURL") && !name.startsWith("LIBCURL_")) {
      return false;
    }
    for (String prefix : NOT_VALUES) {
      if (name.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  /** Runs the preprocessor over curl/curl.h with the given include directory. */
  static HeaderScanner run(Toolchain cc, Path include, Path work) throws IOException {
    Path src = work.resolve("headers.c");
    Files.writeString(src, "#include <curl/curl.h>\n");
    return new HeaderScanner(cc.run(List.of("-E", "-dD", "-DCURL_DISABLE_TYPECHECK",
        "-DCURL_STATICLIB", "-I" + include, src.toString())));
  }
}
