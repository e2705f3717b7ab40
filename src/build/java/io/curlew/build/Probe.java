package io.curlew.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the C compiler for the value of every constant name the headers
 * define, and asks the built libcurl for its option table, by compiling and
 * running two small C programs against the static stack.
 *
 * Names that do not compile as values (type names, attributes) are dropped:
 * each name sits on its own line, so the compiler's error lines say which.
 */
final class Probe {

  private static final Pattern ERROR_LINE = Pattern.compile("probe\\d\\.c:(\\d+):\\d+: error");

  private final Toolchain cc;
  private final Path include;
  private final List<String> linkArgs;
  private final Path work;

  Probe(Toolchain cc, Path include, List<String> linkArgs, Path work) {
    this.cc = cc;
    this.include = include;
    this.linkArgs = linkArgs;
    this.work = work;
  }

  Symbols run(List<HeaderScanner.Name> candidates) throws IOException {
    Map<String, HeaderScanner.Name> byName = new LinkedHashMap<>();
    candidates.forEach(n -> byName.put(n.name(), n));
    Map<String, Boolean> isString = kinds(new ArrayList<>(byName.keySet()));
    return values(byName, isString);
  }

  /** Phase 1: which names compile as values, and which of them are strings. */
  private Map<String, Boolean> kinds(List<String> names) throws IOException {
    Set<String> dropped = new HashSet<>();
    for (int round = 0; round < 20; round++) {
      List<String> live = names.stream().filter(n -> !dropped.contains(n)).toList();
      StringBuilder c = new StringBuilder(header());
      c.append("#define K(n) printf(\"%s %d\\n\", #n, "
          + "_Generic((n), char *: 1, const char *: 1, default: 0));\n");
      c.append("int main(void) {\n");
      int firstLine = lines(c);
      for (String n : live) {
        c.append("K(").append(n).append(")\n");
      }
      c.append("return 0;\n}\n");
      Path src = work.resolve("probe1.c");
      Files.writeString(src, c);
      Path exe = work.resolve("probe1");
      try {
        cc.run(List.of("-w", "-I" + include, "-DCURL_DISABLE_TYPECHECK", "-DCURL_STATICLIB",
            "-o", exe.toString(), src.toString()));
      } catch (Toolchain.CommandFailed e) {
        Matcher m = ERROR_LINE.matcher(e.output);
        int before = dropped.size();
        while (m.find()) {
          int index = Integer.parseInt(m.group(1)) - firstLine - 1;
          if (index >= 0 && index < live.size()) {
            dropped.add(live.get(index));
          }
        }
        if (dropped.size() == before) {
          throw e;
        }
        continue;
      }
      Map<String, Boolean> kinds = new LinkedHashMap<>();
      for (String line : Toolchain.exec(List.of(exe.toString())).split("\n")) {
        String[] f = line.split(" ");
        if (f.length == 2) {
          kinds.put(f[0], f[1].equals("1"));
        }
      }
      return kinds;
    }
    throw new IOException("probe1.c still does not compile after 20 rounds");
  }

  /** Phase 2: the values, and libcurl's easy option table. */
  private Symbols values(Map<String, HeaderScanner.Name> byName, Map<String, Boolean> isString)
      throws IOException {
    StringBuilder c = new StringBuilder(header());
    c.append("#define N(n) printf(\"N %s %d %d %lld\\n\", #n, (int)sizeof(n), "
        + "((n) * 0 - 1) < 0, (long long)(n));\n");
    c.append("#define S(n) printf(\"S %s %s\\n\", #n, n);\n");
    c.append("int main(void) {\n");
    c.append("const struct curl_easyoption *o = NULL;\n");
    for (var e : isString.entrySet()) {
      c.append(e.getValue() ? "S(" : "N(").append(e.getKey()).append(")\n");
    }
    c.append("while((o = curl_easy_option_next(o)) != NULL)\n");
    c.append("  printf(\"O %s %d %d %u\\n\", o->name, (int)o->id, (int)o->type, o->flags);\n");
    c.append("return 0;\n}\n");
    Path src = work.resolve("probe2.c");
    Files.writeString(src, c);
    Path exe = work.resolve("probe2");
    List<String> args = new ArrayList<>(List.of("-w", "-I" + include, "-DCURL_DISABLE_TYPECHECK",
        "-DCURL_STATICLIB", "-o", exe.toString(), src.toString()));
    args.addAll(linkArgs);
    cc.run(args);

    Symbols symbols = new Symbols();
    for (String line : Toolchain.exec(List.of(exe.toString())).split("\n")) {
      String[] f = line.split(" ", 5);
      switch (f[0]) {
        case "N" -> {
          HeaderScanner.Name n = byName.get(f[1]);
          symbols.add(new Symbols.Constant(f[1], n.enumName(), n.deprecated(), null,
              Long.parseLong(f[4]), Integer.parseInt(f[2]), f[3].equals("0")));
        }
        case "S" -> {
          HeaderScanner.Name n = byName.get(f[1]);
          String value = line.substring(("S " + f[1] + " ").length());
          symbols.add(new Symbols.Constant(f[1], n.enumName(), n.deprecated(), value, 0, 0, false));
        }
        case "O" -> symbols.addOption(new Symbols.EasyOption(f[1], Integer.parseInt(f[2]),
            Integer.parseInt(f[3]), (Integer.parseInt(f[4]) & 1) != 0));
        default -> { }
      }
    }
    return symbols;
  }

  private static String header() {
    return "#include <stdio.h>\n#include <curl/curl.h>\n";
  }

  private static int lines(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
