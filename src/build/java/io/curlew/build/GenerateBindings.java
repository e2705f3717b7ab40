package io.curlew.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build-time generator of curlew's tables: reads the headers of the built libcurl,
 * probes the values of every constant and libcurl's option table, and writes the raw
 * constants ({@code LibCurlConstants}) and the typed tables ({@code CurlOption},
 * {@code CurlInfo}, {@code CurlMultiOption}, the code and value enums).
 *
 * <pre>GenerateBindings &lt;deps-prefix&gt; &lt;output-dir&gt; &lt;work-dir&gt; [cc]</pre>
 */
public final class GenerateBindings {

  /** Static archives of the stack, in link order. */
  private static final List<String> LIBS = List.of("libcurl.a", "libnghttp2.a", "libssl.a",
      "libcrypto.a", "libbrotlidec.a", "libbrotlicommon.a", "libzstd.a", "libz.a");

  private GenerateBindings() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: GenerateBindings <deps-prefix> <output-dir> <work-dir> [cc]");
      System.exit(2);
    }
    Path deps = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Path work = Path.of(args[2]);
    Toolchain cc = new Toolchain(args.length > 3 ? args[3] : "gcc");
    Files.createDirectories(work);

    List<String> link = new ArrayList<>();
    for (String lib : LIBS) {
      link.add(deps.resolve("lib").resolve(lib).toString());
    }
    link.add("-pthread");
    link.add("-ldl");

    HeaderScanner headers = HeaderScanner.run(cc, deps.resolve("include"), work);
    Symbols symbols = new Probe(cc, deps.resolve("include"), link, work).run(headers.names());
    new JavaSources(symbols, out).writeAll(new TypeOverlay("option-types.txt"),
        new TypeOverlay("info-types.txt"), new TypeOverlay("multi-option-types.txt"));
    System.out.printf("curlew: generated tables for libcurl %s: %d constants, %d options%n",
        symbols.get("LIBCURL_VERSION").text(), symbols.constants().size(),
        symbols.options().size());
  }
}
