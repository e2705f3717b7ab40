package io.curlew.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the generated Java sources from the probed symbols and the type overlays. */
final class JavaSources {

  private final Symbols symbols;
  private final Path out;
  private final String version;
  /** value enums to write: Java name -> spec "Name:PREFIX[:EXCLUDED_PREFIX...]" */
  private final Map<String, String> valueEnums = new LinkedHashMap<>();
  private final Map<String, List<String>> valueEnumUsers = new LinkedHashMap<>();

  JavaSources(Symbols symbols, Path out) {
    this.symbols = symbols;
    this.out = out;
    this.version = symbols.get("LIBCURL_VERSION").text();
  }

  void writeAll(TypeOverlay options, TypeOverlay infos, TypeOverlay multiOptions)
      throws IOException {
    writeRawConstants();
    writeOptions(options);
    writeInfos(infos);
    writeMultiOptions(multiOptions);
    writeCodes("CurlCode", "CURLcode", "CURLE_", "curl_easy_* functions");
    writeCodes("CurlMultiCode", "CURLMcode", "CURLM_", "curl_multi_* functions");
    writeCodes("CurlShareCode", "CURLSHcode", "CURLSHE_", "curl_share_* functions");
    writeCodes("CurlUrlCode", "CURLUcode", "CURLUE_", "the URL API (curl_url_*)");
    writeCodes("CurlHeaderCode", "CURLHcode", "CURLHE_", "the header API (curl_easy_header)");
    valueEnums.putIfAbsent("CurlOptionType", "CurlOptionType:CURLOT_:CURLOT_FLAG_");
    // the upper bound that CURLOPT_SSLVERSION takes or-ed to the lower one
    valueEnums.putIfAbsent("SslVersionMax", "SslVersionMax:CURL_SSLVERSION_MAX_");
    for (var e : valueEnums.entrySet()) {
      writeValueEnum(e.getKey(), e.getValue());
    }
  }

  // --- io.curlew.raw.LibCurlConstants ----------------------------------------

  private void writeRawConstants() throws IOException {
    StringBuilder b = new StringBuilder();
    for (Symbols.Constant c : symbols.constants()) {
      b.append("  /** libcurl's {@code ").append(c.name()).append("}");
      if (c.deprecated()) {
        b.append(".\n   *\n   * @deprecated deprecated in libcurl's headers\n   */\n  @Deprecated\n");
      } else {
        b.append(". */\n");
      }
      b.append("  public static final ");
      if (c.isString()) {
        b.append("String ").append(c.name()).append(" = ").append(quote(c.text()));
      } else if (c.fitsInt()) {
        b.append("int ").append(c.name()).append(" = ").append((int) c.value());
      } else {
        b.append("long ").append(c.name()).append(" = ").append(c.value()).append('L');
      }
      b.append(";\n\n");
    }
    write("io/curlew/raw/LibCurlConstants.java",
        template("LibCurlConstants").replace("@@CONSTANTS@@", b.toString().stripTrailing()));
  }

  // --- io.curlew.CurlOption ---------------------------------------------------

  private void writeOptions(TypeOverlay overlay) throws IOException {
    StringBuilder consts = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (Symbols.EasyOption o : symbols.options()) {
      String cType = Symbols.OPTION_TYPES[o.type()];
      Typed t = optionType(o.name(), cType, overlay.get(o.name()), "CurlOption");
      boolean deprecated = isDeprecated("CURLOPT_" + o.name());
      String javaName = javaIdentifier(o.name());
      consts.append("  /**\n   * {@code CURLOPT_").append(o.name()).append("}");
      consts.append(o.alias() ? " (an alias)" : "").append(": ").append(t.describe).append(".\n");
      if (deprecated) {
        consts.append("   *\n   * @deprecated deprecated in libcurl's headers\n");
      }
      consts.append("   */\n");
      if (deprecated) {
        consts.append("  @Deprecated\n");
      }
      consts.append("  public static final CurlOption<").append(t.generic).append("> ")
          .append(javaName).append(" = new CurlOption<>(\"").append(o.name()).append("\", ")
          .append(o.id()).append(", CurlOptionType.").append(cType).append(", ")
          .append(o.alias()).append(", ").append(deprecated).append(", ")
          .append(t.classLiteral).append(", ValueKind.").append(t.kind).append(", ")
          .append(t.detail).append(");\n\n");
      names.add(javaName);
    }
    checkOverlay(overlay, symbols.options().stream().map(Symbols.EasyOption::name).toList());
    write("io/curlew/CurlOption.java", template("CurlOption")
        .replace("@@CONSTANTS@@", consts.toString().stripTrailing())
        .replace("@@LIST@@", list(names)));
  }

  // --- io.curlew.CurlInfo -----------------------------------------------------

  private void writeInfos(TypeOverlay overlay) throws IOException {
    StringBuilder consts = new StringBuilder();
    List<String> names = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Symbols.Constant c : symbols.enumMembers("CURLINFO")) {
      String name = c.name().substring("CURLINFO_".length());
      if (name.equals("NONE") || name.equals("LASTONE")) {
        continue;
      }
      int id = (int) c.value();
      String cType = switch (id & 0xf00000) {
        case 0x100000 -> "STRING";
        case 0x200000 -> "LONG";
        case 0x300000 -> "DOUBLE";
        case 0x400000 -> "SLIST";
        case 0x500000 -> "SOCKET";
        case 0x600000 -> "OFF_T";
        default -> throw new IllegalStateException("unknown CURLINFO type of " + c.name());
      };
      Typed t = infoType(name, cType, overlay.get(name));
      consts.append("  /**\n   * {@code CURLINFO_").append(name).append("}: ").append(t.describe)
          .append(".\n");
      if (c.deprecated()) {
        consts.append("   *\n   * @deprecated deprecated in libcurl's headers\n");
      }
      consts.append("   */\n");
      if (c.deprecated()) {
        consts.append("  @Deprecated\n");
      }
      consts.append("  public static final CurlInfo<").append(t.generic).append("> ")
          .append(javaIdentifier(name)).append(" = new CurlInfo<>(\"").append(name)
          .append("\", ").append(id).append(", ").append(c.deprecated()).append(", ")
          .append(t.classLiteral).append(", ValueKind.").append(t.kind).append(", ")
          .append(t.detail).append(");\n\n");
      names.add(javaIdentifier(name));
      seen.add(name);
    }
    checkOverlay(overlay, seen);
    write("io/curlew/CurlInfo.java", template("CurlInfo")
        .replace("@@CONSTANTS@@", consts.toString().stripTrailing())
        .replace("@@LIST@@", list(names)));
  }

  // --- io.curlew.CurlMultiOption ----------------------------------------------

  private void writeMultiOptions(TypeOverlay overlay) throws IOException {
    StringBuilder consts = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (Symbols.Constant c : symbols.enumMembers("CURLMoption")) {
      String name = c.name().substring("CURLMOPT_".length());
      if (name.equals("LASTENTRY")) {
        continue;
      }
      int id = (int) c.value();
      String cType = switch (id / 10000) {
        case 0 -> "LONG";
        case 1 -> "OBJECT";
        case 2 -> "FUNCTION";
        case 3 -> "OFF_T";
        default -> throw new IllegalStateException("unknown CURLMOPT type of " + c.name());
      };
      Typed t = optionType(name, cType, overlay.get(name), "CurlMultiOption");
      consts.append("  /** {@code CURLMOPT_").append(name).append("}: ").append(t.describe)
          .append(". */\n");
      consts.append("  public static final CurlMultiOption<").append(t.generic).append("> ")
          .append(javaIdentifier(name)).append(" = new CurlMultiOption<>(\"").append(name)
          .append("\", ").append(id).append(", ").append(t.classLiteral).append(", ValueKind.")
          .append(t.kind).append(", ").append(t.detail).append(");\n\n");
      names.add(javaIdentifier(name));
    }
    write("io/curlew/CurlMultiOption.java", template("CurlMultiOption")
        .replace("@@CONSTANTS@@", consts.toString().stripTrailing())
        .replace("@@LIST@@", list(names)));
  }

  // --- code enums and value enums ---------------------------------------------

  private void writeCodes(String javaName, String cType, String prefix, String source)
      throws IOException {
    StringBuilder consts = new StringBuilder();
    for (Symbols.Constant c : symbols.enumMembers(cType)) {
      String name = c.name().substring(prefix.length());
      if (name.equals("LAST") || c.name().equals("CURL_LAST")) {
        continue;
      }
      consts.append("  /** {@code ").append(c.name()).append("}. */\n");
      if (c.deprecated()) {
        consts.append("  @Deprecated\n");
      }
      consts.append("  ").append(javaIdentifier(name)).append('(').append((int) c.value())
          .append("),\n\n");
    }
    write("io/curlew/" + javaName + ".java", template("CodeEnum")
        .replace("@@CONSTANTS@@", consts.toString().stripTrailing())
        .replace("@@NAME@@", javaName).replace("@@CTYPE@@", cType).replace("@@SOURCE@@", source));
  }

  private void writeValueEnum(String javaName, String spec) throws IOException {
    String[] parts = spec.split(":");
    String prefix = parts[1];
    StringBuilder consts = new StringBuilder();
    StringBuilder aliases = new StringBuilder();
    Map<Long, String> idByValue = new HashMap<>();
    List<String> usedNames = new ArrayList<>();
    for (Symbols.Constant c : symbols.withPrefix(prefix)) {
      boolean excluded = false;
      for (int i = 2; i < parts.length; i++) {
        excluded |= c.name().startsWith(parts[i]);
      }
      String name = c.name().substring(prefix.length());
      if (excluded || name.equals("LAST") || name.endsWith("_LAST") || name.isEmpty()) {
        continue;
      }
      String id = javaIdentifier(name);
      if (usedNames.contains(id)) {
        continue;
      }
      usedNames.add(id);
      String canonical = idByValue.putIfAbsent(c.value(), id);
      if (canonical != null) {
        /* A second C name for a value already listed: an alias, so that == holds. */
        aliases.append("\n  /** {@code ").append(c.name()).append("}, the same value as {@link #")
            .append(canonical).append("}. */\n");
        if (c.deprecated()) {
          aliases.append("  @Deprecated\n");
        }
        aliases.append("  public static final ").append(javaName).append(' ').append(id)
            .append(" = ").append(canonical).append(";\n");
        continue;
      }
      if (consts.length() > 0) {
        consts.append(",\n\n");
      }
      consts.append("  /** {@code ").append(c.name()).append("}. */\n");
      if (c.deprecated()) {
        consts.append("  @Deprecated\n");
      }
      consts.append("  ").append(id).append('(').append(c.value()).append("L)");
    }
    if (usedNames.isEmpty()) {
      throw new IllegalStateException("no constants with the prefix " + prefix + " for " + javaName);
    }
    List<String> users = valueEnumUsers.getOrDefault(javaName, List.of());
    String usedBy = users.isEmpty() ? "" : ", taken by " + String.join(", ", users);
    write("io/curlew/" + javaName + ".java", template("ValueEnum")
        .replace("@@CONSTANTS@@", consts.toString())
        .replace("@@ALIASES@@", aliases.toString())
        .replace("@@NAME@@", javaName).replace("@@PREFIX@@", prefix)
        .replace("@@USEDBY@@", usedBy));
  }

  // --- typing ------------------------------------------------------------------

  /** How one option or info is typed in Java. */
  private record Typed(String generic, String classLiteral, String kind, String detail,
      String describe) {}

  private Typed optionType(String name, String cType, TypeOverlay.Entry e, String owner) {
    String kind = e == null ? null : e.kind();
    if (kind == null) {
      return switch (cType) {
        case "LONG", "VALUES" -> typed("Long", "LONG", "a {@code long}");
        case "OFF_T" -> typed("Long", "OFF_T", "a {@code curl_off_t} as {@code long}");
        case "STRING" -> typed("String", "STRING", "a string");
        case "SLIST" -> new Typed("List<String>", "List.class", "SLIST", "null",
            "a list of strings ({@code struct curl_slist})");
        case "BLOB" -> typed("byte[]", "BLOB", "bytes ({@code struct curl_blob}, copied)");
        case "CBPTR" -> typed("Object", "USERDATA",
            "the object handed to the matching callback");
        case "OBJECT" -> throw new IllegalStateException(
            "option-types.txt must type the OBJECT option " + name);
        case "FUNCTION" -> throw new IllegalStateException(
            "option-types.txt must type the FUNCTION option " + name);
        default -> throw new IllegalStateException("unknown C type " + cType);
      };
    }
    return switch (kind) {
      case "bool" -> {
        require(name, cType, "LONG", "VALUES");
        yield typed("Boolean", "BOOL", "on or off");
      }
      case "millis" -> {
        require(name, cType, "LONG");
        yield new Typed("Duration", "Duration.class", "MILLIS", "null",
            "a {@link Duration}, passed in milliseconds");
      }
      case "seconds" -> {
        require(name, cType, "LONG");
        yield new Typed("Duration", "Duration.class", "SECONDS", "null",
            "a {@link Duration}, passed in whole seconds");
      }
      case "enum" -> {
        require(name, cType, "LONG", "VALUES");
        String javaName = e.argument().split(":")[0];
        valueEnums.putIfAbsent(javaName, e.argument());
        valueEnumUsers.computeIfAbsent(javaName, k -> new ArrayList<>())
            .add("{@link " + owner + "#" + javaIdentifier(name) + "}");
        yield new Typed(javaName, javaName + ".class", "ENUM", javaName + ".class",
            "one of {@link " + javaName + "}");
      }
      case "callback" -> {
        require(name, cType, "FUNCTION");
        yield new Typed(e.argument(), e.argument() + ".class", "CALLBACK",
            e.argument() + ".class", "a {@link " + e.argument() + "}");
      }
      case "handle" -> {
        require(name, cType, "OBJECT");
        yield new Typed(e.argument(), e.argument() + ".class", "HANDLE", "null",
            "a {@link " + e.argument() + "}");
      }
      case "bytes" -> typed("byte[]", "BYTES", "bytes, copied");
      case "userdata" -> typed("Object", "USERDATA", "any object");
      case "list" -> new Typed("List<String>", "List.class", "SLIST", "null",
          "a list of strings");
      case "unsupported" -> new Typed("Object", "Object.class", "UNSUPPORTED",
          quote(e.argument()), "not settable from the idiomatic layer: " + e.argument());
      default -> throw new IllegalStateException("unknown kind " + kind + " for " + name);
    };
  }

  private Typed infoType(String name, String cType, TypeOverlay.Entry e) {
    if (e == null) {
      return switch (cType) {
        case "STRING" -> typed("String", "STRING", "a string, or null");
        case "LONG" -> typed("Long", "LONG", "a {@code long}");
        case "DOUBLE" -> typed("Double", "DOUBLE", "a {@code double}");
        case "OFF_T" -> typed("Long", "OFF_T", "a {@code curl_off_t} as {@code long}");
        case "SLIST" -> new Typed("List<String>", "List.class", "SLIST", "null",
            "a list of strings");
        case "SOCKET" -> typed("Long", "SOCKET", "a socket descriptor, -1 when none");
        default -> throw new IllegalStateException("unknown C type " + cType);
      };
    }
    return switch (e.kind()) {
      case "micros" -> {
        require(name, cType, "OFF_T");
        yield new Typed("Duration", "Duration.class", "MICROS", "null",
            "a {@link Duration}, read in microseconds");
      }
      case "seconds" -> {
        require(name, cType, "OFF_T");
        yield new Typed("Duration", "Duration.class", "SECONDS", "null",
            "a {@link Duration}, read in seconds");
      }
      case "enum" -> {
        require(name, cType, "LONG");
        yield new Typed(e.argument(), e.argument() + ".class", "ENUM", e.argument() + ".class",
            "one of {@link " + e.argument() + "}");
      }
      case "certinfo" -> new Typed("List<CertificateInfo>", "List.class", "CERTINFO", "null",
          "the certificate chain, one {@link CertificateInfo} per certificate");
      case "tls" -> typed("TlsSessionInfo", "TLS", "the TLS backend and its session pointer");
      case "userdata" -> typed("Object", "USERDATA",
          "the object set with {@link CurlOption#PRIVATE}");
      default -> throw new IllegalStateException("unknown kind " + e.kind() + " for " + name);
    };
  }

  private static Typed typed(String type, String kind, String describe) {
    String literal = type.equals("byte[]") ? "byte[].class" : type + ".class";
    return new Typed(type, literal, kind, "null", describe);
  }

  private static void require(String name, String cType, String... allowed) {
    for (String a : allowed) {
      if (a.equals(cType)) {
        return;
      }
    }
    throw new IllegalStateException(name + " is a " + cType + " option in this libcurl; its kind "
        + "in the overlay needs one of " + String.join(", ", allowed));
  }

  /** Every overlay name must still exist: libcurl removing one is drift, not silence. */
  private static void checkOverlay(TypeOverlay overlay, List<String> known) {
    for (String name : overlay.entries().keySet()) {
      if (!known.contains(name)) {
        throw new IllegalStateException(overlay.file() + " names " + name
            + ", which the bundled libcurl does not have");
      }
    }
  }

  private boolean isDeprecated(String cName) {
    Symbols.Constant c = symbols.get(cName);
    return c != null && c.deprecated();
  }

  // --- text helpers ------------------------------------------------------------

  private String template(String name) throws IOException {
    try (InputStream in = JavaSources.class.getResourceAsStream("/templates/" + name + ".java.tmpl")) {
      if (in == null) {
        throw new IOException("missing template " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@@VERSION@@", version);
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = out.resolve(relative);
    Files.createDirectories(file.getParent());
    if (Files.exists(file) && Files.readString(file).equals(content)) {
      return; // unchanged: keep the timestamp so javac need not recompile
    }
    Files.writeString(file, content);
  }

  private static String list(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      b.append("      ").append(names.get(i)).append(i + 1 < names.size() ? ",\n" : "");
    }
    return b.toString();
  }

  /** A C name suffix as a Java identifier: a leading digit gets a V. */
  static String javaIdentifier(String name) {
    return Character.isDigit(name.charAt(0)) ? "V" + name : name;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (ch < 0x20 || ch > 0x7e) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
