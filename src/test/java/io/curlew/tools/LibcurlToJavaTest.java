package io.curlew.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.curlew.CurlOption;
import io.curlew.testing.TestCertificates;
import io.curlew.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LibcurlToJava} on the programs curl 8.21.0's {@code --libcurl} wrote
 * ({@code src/test/resources/libcurl/}, see its README): every fixture is converted to a
 * raw-layer and an idiomatic-layer Java program, both are compiled against the test class
 * path and run in their own JVM (with -Xcheck:jni), and the original C program is built
 * with gcc against the project's static libcurl stack and run too, all against the test
 * suite's Jetty server. What the server saw comes back from /echo (method, headers, body)
 * or /upload (size and SHA-256), so equal standard output means the same request; the
 * three outputs must match byte for byte, after only the random multipart boundary (and a
 * response Date header) is replaced, and so must the exit status and any cookie jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LibcurlToJavaTest {

  /** How long one program may run. */
  private static final long RUN_SECONDS = 60;
  private static final Pattern JNI_TROUBLE = Pattern.compile(
      "WARNING in native method|FATAL ERROR in native method|JNI call made|"
          + "handler modified|A fatal error has been detected");

  /** Fixtures the converter must refuse, with a phrase its message must contain. */
  private static final Map<String, String> REFUSED = Map.of(
      "big_data", "ends in \"...\"",
      "latin1_header", "0xE9");
  /** Fixtures only the idiomatic conversion must refuse. */
  private static final Map<String, String> REFUSED_IDIOMATIC = Map.of();
  /** Standard input of the programs, from files/. */
  private static final Map<String, String> STDIN = Map.of("form_stdin", "stdin.txt",
      "upload", "upload.bin", "upload_post", "upload.bin", "upload_stdin", "upload.bin");
  /** Files the programs write, compared between the runs. */
  private static final Map<String, List<String>> WRITES = Map.of("cookies", List.of("jar.txt"),
      "alt_svc", List.of("altsvc.txt", "hsts.txt"));
  /**
   * Exit statuses other than 0: CURLE_HTTP_RETURNED_ERROR for --fail on a 404,
   * CURLE_RANGE_ERROR for -C 5 on /echo, which ignores the Range header.
   */
  private static final Map<String, Integer> EXIT = Map.of("fail", 22, "resume", 33);

  private Path fixtures;
  private Path work;
  private Path classes;
  private final Map<String, String> cSources = new TreeMap<>();
  private final Map<String, Future<Run>> runs = new LinkedHashMap<>();
  private ExecutorService pool;
  private Path cProgram;

  // --- the C literal decoder ---------------------------------------------------------

  @Nested
  class Literals {

    private byte[] b(int... values) {
      byte[] out = new byte[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = (byte) values[i];
      }
      return out;
    }

    private byte[] ascii(String s) {
      return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void simpleEscapes() {
      assertArrayEquals(b(7, 8, 12, 10, 13, 9, 11, '\\', '\'', '"', '?'),
          CLiteral.decodeString("\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\\?"));
      assertArrayEquals(ascii("plain text"), CLiteral.decodeString("plain text"));
      assertArrayEquals(new byte[0], CLiteral.decodeString(""));
    }

    @Test
    void octalTakesAtMostThreeDigits() {
      assertArrayEquals(b(0, '1', 'f'), CLiteral.decodeString("\\0001f"));
      assertArrayEquals(b(0, '8'), CLiteral.decodeString("\\08"));
      assertArrayEquals(b(7, 'x'), CLiteral.decodeString("\\7x"));
      assertArrayEquals(b(0xff, '7'), CLiteral.decodeString("\\3777"));
      assertArrayEquals(b(0xc3, 0x9f, 'e'), CLiteral.decodeString("\\303\\237e"));
      CLiteral.Malformed e = assertThrows(CLiteral.Malformed.class,
          () -> CLiteral.decodeString("ab\\400"));
      assertEquals(2, e.offset);
    }

    @Test
    void hexTakesEveryHexDigitThatFollows() {
      assertArrayEquals(b(0, 1, 0xff, 'g'), CLiteral.decodeString("\\x00\\x1\\xFfg"));
      assertArrayEquals(b(0x0f), CLiteral.decodeString("\\x000000f"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeString("\\x411"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeString("\\xg"));
    }

    @Test
    void universalCharacterNamesAndSourceTextBecomeUtf8() {
      assertArrayEquals("é☃😀".getBytes(StandardCharsets.UTF_8),
          CLiteral.decodeString("\\u00e9\\u2603\\U0001F600"));
      assertArrayEquals("grüße".getBytes(StandardCharsets.UTF_8),
          CLiteral.decodeString("grüße"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeString("\\ud800"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeString("\\u12"));
    }

    @Test
    void refusesWhatCRefuses() {
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeString("\\q"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeString("a\"b"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeString("trailing\\"));
    }

    @Test
    void theToolsOwnEscapingRoundTrips() throws Exception {
      // what c_escape() in curl's tool_setopt.c made of post.bin (data_binary.c)
      byte[] expected = Files.readAllBytes(fixtures.resolve("files/post.bin"));
      CProgram p = CParser.parse(Files.readString(fixtures.resolve("data_binary.c")));
      CExpr.Str s = p.body().stream()
          .filter(st -> st instanceof CStatement.Expression e && e.expr() instanceof CExpr.Call c
              && c.args().size() == 3 && c.args().get(2) instanceof CExpr.Str)
          .map(st -> (CExpr.Str) ((CExpr.Call) ((CStatement.Expression) st).expr()).args()
              .get(2))
          .filter(str -> str.bytes().length > 200).findFirst().orElseThrow();
      assertArrayEquals(expected, s.bytes());
    }

    @Test
    void adjacentLiteralsJoinAlsoAcrossSplicedLines() {
      CProgram p = CParser.parse("int main(void)\n{\n  CURL *c;\n  c = curl_easy_init();\n"
          + "  curl_easy_setopt(c, CURLOPT_USERAGENT, \"ab\" \"\\x41\"\n      \"B\\\n"
          + "C\" u8\"\\u00e9\");\n  return 0;\n}\n");
      CExpr.Call call = (CExpr.Call) ((CStatement.Expression) p.body().get(2)).expr();
      assertArrayEquals("abABCé".getBytes(StandardCharsets.UTF_8),
          ((CExpr.Str) call.args().get(2)).bytes());
    }

    @Test
    void integers() {
      assertEquals(102400, CLiteral.decodeInteger("102400L"));
      assertEquals(64, CLiteral.decodeInteger("64UL"));
      assertEquals(64, CLiteral.decodeInteger("64lu"));
      assertEquals(0x1f, CLiteral.decodeInteger("0x1F"));
      assertEquals(493, CLiteral.decodeInteger("0755"));
      assertEquals(0, CLiteral.decodeInteger("0"));
      assertEquals(5, CLiteral.decodeInteger("0b101"));
      assertEquals(-1, CLiteral.decodeInteger("0xffffffffffffffffULL"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeInteger("08"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeInteger("1lL"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeInteger("1x"));
      assertThrows(CLiteral.Malformed.class, () -> CLiteral.decodeInteger("0x"));
      assertThrows(CLiteral.Malformed.class,
          () -> CLiteral.decodeInteger("18446744073709551616"));
    }

    @Test
    void javaLiteralsRoundTripEveryByte() throws Exception {
      byte[] all = new byte[256];
      for (int i = 0; i < 256; i++) {
        all[i] = (byte) i;
      }
      String java = JavaLiterals.bytes(all);
      assertTrue(java.endsWith(".getBytes(StandardCharsets.ISO_8859_1)"), java);
      assertFalse(java.contains("\\u"), java);
      assertEquals(-1, JavaLiterals.firstNonUtf8("é☃😀".getBytes(StandardCharsets.UTF_8)));
      assertEquals(3, JavaLiterals.firstNonUtf8(new byte[] {'c', 'a', 'f', (byte) 0xe9}));
      assertEquals(0, JavaLiterals.firstNonUtf8(new byte[] {(byte) 0xc0, (byte) 0x80}));
      assertEquals(0, JavaLiterals.firstNonUtf8(new byte[] {(byte) 0xed, (byte) 0xa0,
          (byte) 0x80}));
    }
  }

  // --- what the converter refuses, with the line -----------------------------------

  @Nested
  class Refusals {

    private String main(String body) {
      return "#include <curl/curl.h>\n\nint main(int argc, char *argv[])\n{\n"
          + "  CURLcode result;\n  CURL *curl;\n\n  curl = curl_easy_init();\n" + body
          + "  result = curl_easy_perform(curl);\n  return (int)result;\n}\n";
    }

    private void assertStarts(String prefix, String actual) {
      assertTrue(actual.startsWith(prefix), "expected a message starting\n  " + prefix
          + "\nbut got\n  " + actual);
    }

    private String refused(String c, boolean idiomatic) {
      ConversionException e = assertThrows(ConversionException.class,
          () -> LibcurlToJava.convert(c, "t.c", "T", idiomatic));
      return e.getMessage();
    }

    @Test
    void theTruncatedLiteralOfTheToolIsNamed() throws Exception {
      String c = subst(Files.readString(fixtures.resolve("big_data.c")));
      for (boolean idiomatic : new boolean[] {false, true}) {
        String m = refused(c, idiomatic);
        assertStarts("line 16: CURLOPT_POSTFIELDS gets a literal of 2003 bytes but its size is"
            + " 3000 (line 17): the C program would read past the end of the literal.", m);
        assertTrue(m.contains("ends in \"...\""), m);
      }
    }

    @Test
    void bytesThatAreNotUtf8InAStringAreNamed() throws Exception {
      String m = refused(Files.readString(fixtures.resolve("latin1_header.c")), false);
      assertStarts("line 14: curl_slist_append's string: the string holds the byte 0xE9 at "
          + "offset 12, which is not part of UTF-8 text", m);
    }

    @Test
    void aTlsMaxVersionBecomesTlsVersionsInTheIdiomaticLayer() throws Exception {
      String c = subst(Files.readString(fixtures.resolve("tls_max.c")));
      assertTrue(LibcurlToJava.convert(c, "tls_max.c", "TlsMax", true).replaceAll("\\s+", " ")
          .contains(".tlsVersions(SslVersion.TLSv1_2, SslVersionMax.TLSv1_3);"));
      assertTrue(LibcurlToJava.convert(c, "tls_max.c", "TlsMax", false).replaceAll("\\s+", " ")
          .contains("CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_3);"));
      String bad = c.replace("CURL_SSLVERSION_MAX_TLSv1_3", "1048576L");
      assertStarts("line 20: CURLOPT_SSLVERSION is set to", refused(bad, true));
    }

    @Test
    void unsupportedShapesAreNamedWithTheirLine() {
      assertEquals("line 9: CURLOPT_WRITEFUNCTION takes a C function pointer; the converter "
          + "cannot translate C callbacks (curl --libcurl lists such options in a comment "
          + "instead of writing them)",
          refused(main("  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_cb);\n"), false));
      assertEquals("line 9: CURLOPT_NO_SUCH is not an option of the bundled libcurl 8.21.0",
          refused(main("  curl_easy_setopt(curl, CURLOPT_NO_SUCH, 1L);\n"), false));
      assertStarts("line 9: CURLOPT_HTTPAUTH takes a number; CURLAUTH_X is not a numeric "
          + "constant of libcurl 8.21.0",
          refused(main("  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_X);\n"), false));
      assertStarts("line 9: 'if' is not supported",
          refused(main("  if(curl)\n    curl_easy_setopt(curl, CURLOPT_URL, \"x\");\n"), false));
      assertStarts("line 9: unexpected '&'",
          refused(main("  curl_formadd(&post, &last, CURLFORM_END);\n"), false));
      assertStarts("line 9: curl_formfree belongs to the deprecated form API",
          refused(main("  curl_formfree(post);\n"), false));
      assertStarts("line 9: call to printf is not supported",
          refused(main("  printf(\"x\");\n"), false));
      assertStarts("line 9: string literal: unknown escape \\q",
          refused(main("  curl_easy_setopt(curl, CURLOPT_URL, \"a\\qb\");\n"), false));
      assertStarts("line 10: expected ')', found 'result'",
          refused(main("  curl_easy_setopt(curl, CURLOPT_URL, \"x\"\n"), false));
      assertStarts("line 9: floating constant 1.5",
          refused(main("  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 1.5);\n"), false));
      assertStarts("line 9: CURLOPT_VERBOSE is a Boolean in curlew's idiomatic layer",
          refused(main("  curl_easy_setopt(curl, CURLOPT_VERBOSE, 2L);\n"), true));
      assertStarts("line 9: CURLOPT_CUSTOMREQUEST: the string holds CR or LF",
          refused(main("  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, \"A\\r\\nB\");\n"),
              true));
      assertStarts("line 4: curl is used before it is given a value",
          refused("int main(void)\n{\n  CURL *curl;\n  curl_easy_setopt(curl, "
              + "CURLOPT_URL, \"x\");\n  return 0;\n}\n", false));
      assertStarts("line 1: expected 'main', found 'helper'",
          refused("int helper(void);\nint main(void) { return 0; }\n", false));
    }

    @Test
    void olderToolOutputWithOtherNamesConverts() {
      // curl before 8.x named the handle hnd and the result ret
      String c = "int main(int argc, char *argv[])\n{\n  CURLcode ret;\n  CURL *hnd;\n\n"
          + "  hnd = curl_easy_init();\n  curl_easy_setopt(hnd, CURLOPT_URL, \"http://x/\");\n"
          + "  curl_easy_setopt(hnd, CURLOPT_POSTFIELDS, \"a\\0b\");\n"
          + "  curl_easy_setopt(hnd, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)3);\n\n"
          + "  ret = curl_easy_perform(hnd);\n\n  curl_easy_cleanup(hnd);\n  hnd = NULL;\n\n"
          + "  return (int)ret;\n}\n";
      String raw = LibcurlToJava.convert(c, "old.c", "Old", false);
      assertTrue(raw.contains("ret = curl_easy_perform(hnd);"), raw);
      assertTrue(raw.contains("\"a\\000b\".getBytes(StandardCharsets.UTF_8)"), raw);
      String idiomatic = LibcurlToJava.convert(c, "old.c", "Old", true);
      assertTrue(idiomatic.contains("hnd.setOption(CurlOption.POSTFIELDSIZE_LARGE, 3L);"),
          idiomatic);
    }
  }

  // --- the command line --------------------------------------------------------------

  @Test
  void commandLineWritesTheClassAndReportsErrorsWithFileAndLine() throws Exception {
    Path dir = Files.createDirectories(work.resolve("cli"));
    Path in = dir.resolve("get.c");
    Files.writeString(in, subst(Files.readString(fixtures.resolve("get.c"))));
    Path out = dir.resolve("Fetch.java");
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc = LibcurlToJava.run(new String[] {in.toString(), "--idiomatic", "-o", out.toString()},
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(0, rc, e.toString(StandardCharsets.UTF_8));
    assertTrue(Files.readString(out).contains("public final class Fetch {"));
    assertEquals("", o.toString(StandardCharsets.UTF_8) + e.toString(StandardCharsets.UTF_8));

    o.reset();
    rc = LibcurlToJava.run(new String[] {in.toString(), "--class", "Named"},
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(0, rc);
    assertTrue(o.toString(StandardCharsets.UTF_8).contains("public final class Named {"));

    Path bad = fixtures.resolve("latin1_header.c");
    rc = LibcurlToJava.run(new String[] {bad.toString()},
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    assertEquals(1, rc);
    assertTrue(e.toString(StandardCharsets.UTF_8).startsWith(bad + ":14: curl_slist_append's"),
        e.toString(StandardCharsets.UTF_8));

    e.reset();
    assertEquals(2, LibcurlToJava.run(new String[] {"--bogus"},
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8)));
    assertTrue(e.toString(StandardCharsets.UTF_8).contains("usage:"));
    assertEquals("DataBinary", LibcurlToJava.classNameFor("data_binary.c"));
    assertEquals("Libcurl2urls", LibcurlToJava.classNameFor("2urls.c"));
  }

  @Test
  void durationOptionsAreMillisecondsExactlyWhenNamedMs() throws Exception {
    Field kind = CurlOption.class.getDeclaredField("kind");
    kind.setAccessible(true);
    int checked = 0;
    for (CurlOption<?> o : CurlOption.values()) {
      if (o.valueType() == Duration.class) {
        assertEquals(kind.get(o).toString().equals("MILLIS"), CurlSymbols.isMillis(o),
            o.toString());
        checked++;
      }
    }
    assertTrue(checked >= 15, "Duration options: " + checked);
  }

  // --- the fixtures, converted, compiled and run -----------------------------------

  @BeforeAll
  void convertCompileAndRunEverything() throws Exception {
    fixtures = Paths.get(LibcurlToJavaTest.class.getResource("/libcurl/README.md").toURI())
        .getParent();
    work = Files.createTempDirectory("curlew-libcurl");
    classes = Files.createDirectories(work.resolve("classes"));
    try (Stream<Path> s = Files.list(fixtures)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".c")).collect(Collectors.toList())) {
        String name = p.getFileName().toString().replaceFirst("\\.c$", "");
        cSources.put(name, subst(Files.readString(p)));
      }
    }
    assertTrue(cSources.size() >= 40, "fixtures: " + cSources.keySet());

    // convert and compile every program that converts, in one javac run
    Path src = Files.createDirectories(work.resolve("java"));
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, String> f : cSources.entrySet()) {
      for (boolean idiomatic : new boolean[] {false, true}) {
        if (REFUSED.containsKey(f.getKey())
            || (idiomatic && REFUSED_IDIOMATIC.containsKey(f.getKey()))) {
          continue;
        }
        String cls = className(f.getKey(), idiomatic);
        String java = LibcurlToJava.convert(f.getValue(), f.getKey() + ".c", cls, idiomatic);
        Path file = src.resolve(cls + ".java");
        Files.writeString(file, java);
        files.add(file.toFile());
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(out, fm, diagnostics, List.of("-d", classes.toString(),
          "-classpath", System.getProperty("java.class.path"), "--release", "17",
          "-encoding", "UTF-8", "-Xlint:all,-deprecation"), null,
          fm.getJavaFileObjectsFromFiles(files)).call();
      assertTrue(ok, "the converted programs do not compile:\n" + out
          + diagnostics.getDiagnostics());
    }
    assertEquals(List.of(), diagnostics.getDiagnostics().stream()
        .map(Object::toString).collect(Collectors.toList()), "javac warnings");

    cProgram = buildC();

    // run everything, two at a time (two cores)
    pool = Executors.newFixedThreadPool(2);
    for (String name : cSources.keySet()) {
      if (REFUSED.containsKey(name)) {
        continue;
      }
      if (cProgram != null) {
        runs.put(name + "/c", pool.submit(() -> runIn(name, "c",
            List.of(cProgram.toString(), name))));
      }
      for (boolean idiomatic : new boolean[] {false, true}) {
        if (idiomatic && REFUSED_IDIOMATIC.containsKey(name)) {
          continue;
        }
        String cls = className(name, idiomatic);
        String kind = idiomatic ? "idiomatic" : "raw";
        runs.put(name + "/" + kind, pool.submit(() -> runIn(name, kind,
            List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xcheck:jni", "--enable-native-access=ALL-UNNAMED",
                // short programs: start fast, on two shared cores
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                classes + File.pathSeparator + System.getProperty("java.class.path"), cls))));
      }
    }
  }

  @AfterAll
  void stop() throws IOException {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (work != null && !Boolean.getBoolean("curlew.libcurl.keep")) {
      try (Stream<Path> s = Files.walk(work)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder())
            .collect(Collectors.toList())) {
          Files.deleteIfExists(p);
        }
      }
    } else if (work != null) {
      System.out.println("kept the converted programs and their runs in " + work);
    }
  }

  @Test
  void theCProgramsWereBuiltToCompareWith() {
    assumeTrue(cProgram != null, "no gcc or no static libcurl in target/native/deps: the C "
        + "programs were not run, only the raw and idiomatic Java ones compared");
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureDoesTheSameTransferInCAndJava() {
    return cSources.keySet().stream().filter(n -> !REFUSED.containsKey(n))
        .map(name -> DynamicTest.dynamicTest(name, () -> compare(name)));
  }

  private void compare(String name) throws Exception {
    Run raw = runs.get(name + "/raw").get(RUN_SECONDS * 2, TimeUnit.SECONDS);
    Future<Run> idiomaticRun = runs.get(name + "/idiomatic");
    Run idiomatic = idiomaticRun == null ? null
        : idiomaticRun.get(RUN_SECONDS * 2, TimeUnit.SECONDS);
    Future<Run> cRun = runs.get(name + "/c");
    Run c = cRun == null ? null : cRun.get(RUN_SECONDS * 2, TimeUnit.SECONDS);
    int exit = EXIT.getOrDefault(name, 0);

    if (c != null) {
      assertEquals(c.exit, raw.exit, name + ": exit status of C and raw Java; C's stderr:\n"
          + c.errText() + "\nJava's:\n" + raw.errText());
    }
    raw.assertExit(exit, name + " (raw Java)");
    assertSane(name, raw);
    if (c != null) {
      assertEquals(c.normalizedOut(), raw.normalizedOut(), name + ": C and raw Java differ");
      assertEquals(c.written, raw.written, name + ": files written");
    }
    if (idiomatic != null) {
      idiomatic.assertExit(exit, name + " (idiomatic Java)");
      assertEquals(raw.normalizedOut(), idiomatic.normalizedOut(),
          name + ": raw and idiomatic Java differ");
      assertEquals(raw.written, idiomatic.written, name + ": files written");
    }
  }

  /** What each fixture must show on its own, beyond C and Java agreeing. */
  private void assertSane(String name, Run r) throws Exception {
    String out = r.normalizedOut();
    switch (name) {
      case "upload", "upload_stdin" -> {
        byte[] data = Files.readAllBytes(fixtures.resolve("files/upload.bin"));
        assertEquals("size=10000 sha256="
            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), out);
      }
      case "follow" -> assertEquals("done", out);
      case "file_url" -> assertEquals(Files.readString(fixtures.resolve("files/form.txt"),
          StandardCharsets.ISO_8859_1), out);
      // the tool prints headers with its own header callback, which the C program does not
      // have, so -I prints nothing; --fail and -C end without a body
      case "head", "fail", "resume" -> assertEquals("", out);
      case "data_binary" -> {
        byte[] post = Files.readAllBytes(fixtures.resolve("files/post.bin"));
        // /echo writes the body as ISO-8859-1 text encoded in UTF-8
        String body = new String(post, StandardCharsets.ISO_8859_1);
        assertTrue(new String(r.out, StandardCharsets.UTF_8).endsWith("\n\n" + body), out);
      }
      default -> assertTrue(out.contains("method="), name + " did not reach /echo:\n" + out);
    }
    if (name.equals("form_stdin")) {
      assertTrue(out.contains("from standard input"), out);
    }
    if (WRITES.containsKey(name)) {
      assertFalse(r.written.contains("(none)"), name + " wrote:\n" + r.written);
    }
  }

  private static String className(String fixture, boolean idiomatic) {
    return LibcurlToJava.classNameFor(fixture) + (idiomatic ? "Idiomatic" : "Raw");
  }

  private String subst(String c) {
    TestServer server = TestServer.get();
    return c.replace("TLS_PORT_PLACEHOLDER", String.valueOf(server.tlsPort()))
        .replace("PORT_PLACEHOLDER", String.valueOf(server.port()))
        .replace("FILES_DIR_PLACEHOLDER", fixtures.resolve("files").toAbsolutePath().toString());
  }

  // --- the C programs ------------------------------------------------------------------

  /**
   * Builds every fixture into one executable: each file is compiled unchanged, with its
   * main renamed by -Dmain=..., and a dispatcher picks one by name (argv[1]). One link
   * against the static stack instead of forty.
   */
  private Path buildC() throws Exception {
    Path deps = Paths.get(System.getProperty("curlew.native.deps", "target/native/deps"));
    if (!Files.isRegularFile(deps.resolve("lib/libcurl.a"))
        || exec(List.of("gcc", "--version"), null, work).exit != 0) {
      return null; // the C comparison is skipped; Java runs are still compared
    }
    Path dir = Files.createDirectories(work.resolve("c"));
    StringBuilder dispatch = new StringBuilder("#include <string.h>\n");
    StringBuilder cases = new StringBuilder();
    List<String> objects = new ArrayList<>();
    List<Future<Run>> compiles = new ArrayList<>();
    ExecutorService gccPool = Executors.newFixedThreadPool(2);
    try {
      for (Map.Entry<String, String> f : cSources.entrySet()) {
        if (REFUSED.containsKey(f.getKey())) {
          continue; // undefined behaviour in C (reads past a literal) or not comparable
        }
        String fn = "fixture_" + f.getKey();
        Path c = dir.resolve(f.getKey() + ".c");
        Files.writeString(c, f.getValue());
        Path o = dir.resolve(f.getKey() + ".o");
        objects.add(o.toString());
        compiles.add(gccPool.submit(() -> exec(List.of("gcc", "-c", "-O0", "-DCURL_STATICLIB",
            "-Dmain=" + fn, "-I" + deps.resolve("include"), "-o", o.toString(), c.toString()),
            null, dir)));
        dispatch.append("int ").append(fn).append("(int, char **);\n");
        cases.append("  if(!strcmp(argv[1], \"").append(f.getKey()).append("\")) return ")
            .append(fn).append("(argc - 1, argv + 1);\n");
      }
      for (Future<Run> r : compiles) {
        Run gcc = r.get(RUN_SECONDS, TimeUnit.SECONDS);
        assertEquals(0, gcc.exit, "gcc -c failed:\n" + gcc.errText());
        assertEquals("", gcc.errText(), "gcc warnings");
      }
    } finally {
      gccPool.shutdownNow();
    }
    dispatch.append("int main(int argc, char **argv)\n{\n").append(cases)
        .append("  return 100;\n}\n");
    Path main = dir.resolve("dispatch.c");
    Files.writeString(main, dispatch);
    Path exe = dir.resolve("fixtures");
    List<String> cmd = new ArrayList<>(List.of("gcc", "-O0", "-o", exe.toString(),
        main.toString()));
    cmd.addAll(objects);
    for (String lib : List.of("curl", "nghttp2", "ssl", "crypto", "brotlidec", "brotlicommon",
        "zstd", "z")) {
      cmd.add(deps.resolve("lib/lib" + lib + ".a").toString());
    }
    cmd.addAll(List.of("-pthread", "-ldl"));
    Run link = exec(cmd, null, dir);
    assertEquals(0, link.exit, "link failed:\n" + link.errText());
    return exe;
  }

  // --- running ---------------------------------------------------------------------------

  /** Runs a program in a fresh directory holding the fixtures' files and the test CA. */
  private Run runIn(String fixture, String kind, List<String> cmd) throws Exception {
    Path cwd = Files.createDirectories(work.resolve("run").resolve(fixture + "-" + kind));
    try (Stream<Path> s = Files.list(fixtures.resolve("files"))) {
      for (Path f : s.collect(Collectors.toList())) {
        Files.copy(f, cwd.resolve(f.getFileName()));
      }
    }
    Files.write(cwd.resolve("ca.pem"), TestCertificates.get().caPem);
    String stdin = STDIN.get(fixture);
    Run r = exec(cmd, stdin == null ? null : cwd.resolve(stdin), cwd);
    Files.write(cwd.resolve("stdout.out"), r.out);
    StringBuilder written = new StringBuilder();
    for (String file : WRITES.getOrDefault(fixture, List.of())) {
      Path w = cwd.resolve(file);
      written.append("== ").append(file).append('\n').append(Files.exists(w)
          ? Files.readString(w, StandardCharsets.ISO_8859_1) : "(none)\n");
    }
    r.written = written.toString();
    Matcher trouble = JNI_TROUBLE.matcher(r.errText() + new String(r.out,
        StandardCharsets.ISO_8859_1));
    if (trouble.find()) {
      fail(cmd + " printed a JNI warning or crashed:\n" + r.errText());
    }
    return r;
  }

  private Run exec(List<String> cmd, Path stdin, Path cwd) throws Exception {
    Path out = Files.createTempFile(work, "out", ".bin");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.from(stdin.toFile()));
    Process p = pb.start();
    try {
      if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(cmd + " did not finish in " + RUN_SECONDS + " s");
      }
    } finally {
      p.destroyForcibly();
    }
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
  }

  /** What a program did. */
  static final class Run {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=([-A-Za-z0-9]+)");
    final int exit;
    final byte[] out;
    final byte[] err;
    String written;

    Run(int exit, byte[] out, byte[] err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    String errText() {
      return new String(err, StandardCharsets.UTF_8);
    }

    /**
     * Standard output with what differs from run to run replaced: libcurl's random
     * multipart boundaries and the Date of a response shown with -i/-I. Decoded as
     * ISO-8859-1, so every byte stays one character and equality stays byte equality.
     */
    String normalizedOut() {
      String s = new String(out, StandardCharsets.ISO_8859_1);
      Matcher m = BOUNDARY.matcher(s);
      Set<String> boundaries = new java.util.LinkedHashSet<>();
      while (m.find()) {
        boundaries.add(m.group(1));
      }
      int i = 0;
      for (String b : boundaries) {
        s = s.replace(b, "BOUNDARY" + i++);
      }
      return s.replaceAll("(?m)^Date: [^\r\n]*", "Date: DATE");
    }

    void assertExit(int expected, String what) {
      assertEquals(expected, exit, what + ": exit status; stdout:\n"
          + new String(out, StandardCharsets.ISO_8859_1) + "\nstderr:\n" + errText());
    }
  }
}
