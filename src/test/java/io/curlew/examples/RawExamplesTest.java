package io.curlew.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.curlew.examples.ExampleRunner.Run;
import io.curlew.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The ports of curl's docs/examples in {@code examples/}: compiles every example source
 * against the test class path, runs each program in its own JVM (with -Xcheck:jni) and
 * checks what it prints. The {@link CompareWithC} tests also build the original C program
 * from the curl source tarball against the project's static libcurl and check that both
 * print the same, run against the same server.
 *
 * <p>The server for most runs is the examples' own {@code examples.support.ExampleServer},
 * loaded from the compiled examples into this JVM so the test can read what it received;
 * some runs use the test suite's Jetty {@link TestServer} instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RawExamplesTest {

  private ExampleRunner runner;
  private Path work;
  private URLClassLoader loader;
  /** an examples.support.ExampleServer, driven by reflection */
  private Object server;

  @BeforeAll
  void compileExamplesAndStartServer() throws Exception {
    runner = new ExampleRunner();
    work = runner.work;
    loader = runner.loader;
    server = runner.startServer();
  }

  @AfterEach
  void killLeftovers() {
    runner.killLeftovers();
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.getClass().getMethod("close").invoke(server);
    }
    if (runner != null) {
      runner.close();
    }
  }

  // --- the examples on their own -------------------------------------------------------

  @Test
  void simpleWithItsOwnServerFollowsTheRedirectToThePage() throws Exception {
    Run r = java("Simple");
    r.assertExit(0);
    assertEquals(page(), r.out);
    assertEquals("", r.err);
  }

  @Test
  void simpleFollowsRedirectsOnTheTestServer() throws Exception {
    Run r = java("Simple", TestServer.get().url("/redirect/3"));
    r.assertExit(0);
    assertEquals("done", r.out);
  }

  @Test
  void simpleReportsAFailedTransfer() throws Exception {
    Run r = java("Simple", "http://127.0.0.1:1/");
    r.assertExit(0); // the C program returns 0 here too
    assertEquals("", r.out);
    assertEquals("transfer failed: Could not connect to server\n", r.err);
  }

  @Test
  void getInfoPrintsBodyThenContentType() throws Exception {
    Run r = java("GetInfo", url("/hello"));
    r.assertExit(0);
    assertEquals(constant("HELLO") + "Content-Type of the response: text/plain\n", r.out);

    Run jetty = java("GetInfo", TestServer.get().url("/hello"));
    jetty.assertExit(0);
    assertEquals("hello" + "Content-Type of the response: text/plain; charset=utf-8\n",
        jetty.out);
  }

  @Test
  void getInfoExitsWithTheCurlCode() throws Exception {
    Run r = java("GetInfo", "http://127.0.0.1:1/");
    r.assertExit(7); // CURLE_COULDNT_CONNECT, the C program's return value
    assertEquals("", r.out);
  }

  @Test
  void headerApiListsTheLastResponsesHeaders() throws Exception {
    Run r = java("HeaderApi", url("/headers"));
    r.assertExit(0);
    List<String> lines = r.out.lines().collect(Collectors.toList());
    assertEquals("Content-Type header: text/plain", lines.get(0));
    assertEquals("Every response header:", lines.get(1));
    // the JDK server writes names in its own case; the body ("headers") is thrown away
    assertTrue(lines.contains(" X-example: first (2)"), r.out);
    assertTrue(lines.contains(" X-example: second (2)"), r.out);
    assertTrue(lines.contains(" Cache-control: no-store (1)"), r.out);
    assertTrue(lines.contains(" Content-length: 8 (1)"), r.out);
    assertEquals(2 + 6, lines.size(), r.out); // Date, type, 2 X-example, length, cache
    assertFalse(r.out.contains("headers\n"), r.out);

    // after a redirect, only the final response's headers (request -1): the 302 from
    // /redirect is text/plain with a Location, the page it leads to is text/html
    Run redirected = java("HeaderApi", url("/redirect"));
    redirected.assertExit(0);
    assertTrue(redirected.out.startsWith(
        "Content-Type header: text/html; charset=UTF-8\nEvery response header:\n"),
        redirected.out);
    assertTrue(redirected.out.contains(" Content-length: " + page().length() + " (1)\n"),
        redirected.out);
    assertFalse(redirected.out.contains("Location"), redirected.out);

    Run jetty = java("HeaderApi", TestServer.get().url("/header?name=X-Test&value=42"));
    jetty.assertExit(0);
    assertTrue(jetty.out.contains("\n X-Test: 42 (1)\n"), jetty.out);
  }

  @Test
  void postCallbackUploadsTheTextThroughTheReadCallback() throws Exception {
    String data = (String) field("PostCallback", "data");
    Run r = java("PostCallback", url("/post"));
    r.assertExit(0);
    assertEquals(data, r.out); // /post sends the body back
    assertTrue(r.err.contains("> POST /post HTTP/1.1\r\n"), r.err);
    assertTrue(r.err.contains("\nContent-Length: " + data.length() + "\r\n"), r.err);
    assertFalse(r.err.contains("chunked"), r.err);

    Run jetty = java("PostCallback", TestServer.get().url("/upload"));
    jetty.assertExit(0);
    assertEquals("size=" + data.length() + " sha256=" + sha256(data), jetty.out);
  }

  @Test
  void multiAppDownloadsAndUploadsAtOnce() throws Exception {
    byte[] upload = "a file for the FTP server\nsecond line\n".getBytes(StandardCharsets.UTF_8);
    Run r = javaWithInput("MultiApp", upload, url("/"), ftpUrl("/multi-app-java.txt"));
    r.assertExit(0);
    assertTrue(r.out.startsWith(page()), r.out);
    List<String> status = r.out.substring(page().length()).lines().sorted()
        .collect(Collectors.toList());
    assertEquals(List.of("download (HTTP) done, CURLcode 0", "upload (FTP) done, CURLcode 0"),
        status);
    assertEquals(new String(upload, StandardCharsets.UTF_8),
        new String(ftpUploads().get("multi-app-java.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void multiAppWithItsOwnServers() throws Exception {
    Run r = javaWithInput("MultiApp", "x".getBytes(StandardCharsets.UTF_8));
    r.assertExit(0);
    assertTrue(r.out.contains("download (HTTP) done, CURLcode 0\n"), r.out);
    assertTrue(r.out.contains("upload (FTP) done, CURLcode 0\n"), r.out);
  }

  @Test
  void ephiperRunsEveryTransferToItsEnd() throws Exception {
    String refused = "http://127.0.0.1:1/";
    Run r = java("Ephiper", url("/"), url("/redirect"), url("/bytes?size=300000"),
        TestServer.get().url("/slow?ms=200"), refused);
    r.assertExit(0);
    List<String> done = lines(r.out, "finished: ");
    assertEquals(5, done.size(), r.out);
    // the effective URL of the redirected transfer is where it ended
    assertTrue(done.contains("finished: " + url("/") + " => (0) "), r.out);
    assertEquals(2, done.stream().filter(l -> l.equals("finished: " + url("/") + " => (0) "))
        .count(), r.out);
    assertTrue(done.contains("finished: " + url("/bytes?size=300000") + " => (0) "), r.out);
    assertTrue(done.contains("finished: " + TestServer.get().url("/slow?ms=200") + " => (0) "),
        r.out);
    // the error buffer set with CURLOPT_ERRORBUFFER carries libcurl's message
    assertTrue(done.stream().anyMatch(l -> l.startsWith("finished: " + refused
        + " => (7) Failed to connect to 127.0.0.1:1 after ")), r.out);
    // the body of /bytes arrives in pieces: progress saw all of it
    assertTrue(r.out.contains("progress of " + url("/bytes?size=300000")
        + " (300000/300000)\n"), r.out);
    assertTrue(r.out.contains(" what=REMOVE"), r.out);
    // a socket whose wait changes is found again through its curl_multi_assign object
    assertTrue(r.out.contains(" what=IN watching changes from OUT to IN\n"), r.out);
    assertTrue(r.out.contains("new socket: OUT\n") || r.out.contains("new socket: IN\n"), r.out);
    assertTrue(r.out.contains("multi_timer_cb: timeout is now 0 ms\n"), r.out);
    assertTrue(r.out.endsWith("still running: 0\n"
        + lastLine(r.out, "finished: ") + "\n"
        + "nothing runs any more, timer disarmed\n"
        + "all transfers done, leaving\n"), r.out);
    // verbose output on stderr: four requests answered, one more for the redirect
    assertEquals(5, count(r.err, "> GET "), r.err);
  }

  @Test
  void ephiperWithItsOwnServer() throws Exception {
    Run r = java("Ephiper");
    r.assertExit(0);
    assertEquals(4, lines(r.out, "finished: ").size(), r.out);
    assertTrue(r.out.contains("/no-such-page => (0) \n"), r.out);
  }

  @Test
  void sharedConnectionCacheReusesOneConnectionAndLocks() throws Exception {
    Run r = java("SharedConnectionCache", url("/conn"));
    r.assertExit(0);
    List<String> ports = r.out.lines().collect(Collectors.toList());
    assertEquals(3, ports.size(), r.out);
    assertTrue(ports.get(0).matches("client port \\d+"), r.out);
    assertEquals(1, ports.stream().distinct().count(), "one connection for all: " + r.out);
    List<String> locks = r.err.lines().collect(Collectors.toList());
    assertTrue(locks.size() >= 6, r.err);
    for (int i = 0; i < locks.size(); i++) {
      assertEquals(i % 2 == 0 ? "-> lock taken" : "<- lock released", locks.get(i), r.err);
    }
  }

  @Test
  void urlApiFetchesThroughTheUrlHandle() throws Exception {
    Run r = java("UrlApi", url("/path/index.html"));
    r.assertExit(0);
    assertEquals(page(), r.out);
    assertTrue(r.err.contains("> GET /path/index.html HTTP/1.1\r\n"), r.err);

    Run own = java("UrlApi");
    own.assertExit(0);
    assertEquals(page(), own.out);
  }

  @Test
  void urlApiProtocolListIsNotAppliedInThisBuildAndBadUrlsAreRefused() throws Exception {
    // CURLOPT_PROTOCOLS_STR "http,tftp,sftp" names protocols this libcurl is built without,
    // so libcurl rejects the whole list (CURLE_UNSUPPORTED_PROTOCOL, ignored by the
    // program) and nothing is restricted: an FTP URL is fetched. The example FTP server
    // has no RETR, hence CURLE_FTP_COULDNT_RETR_FILE (19). The C program does the same.
    Run ftp = java("UrlApi", ftpUrl("/file.txt"));
    ftp.assertExit(19);
    assertTrue(ftp.err.contains("> RETR file.txt\r\n"), ftp.err);
    assertTrue(ftp.err.endsWith("\ntransfer failed: FTP: could not retrieve (RETR failed) "
        + "the specified file\n"), ftp.err);

    Run bad = java("UrlApi", "http://exa mple.com/");
    bad.assertExit(0);
    assertEquals("the URL was refused: Malformed input to a URL function", bad.err);
  }


  // --- the further examples ------------------------------------------------------------

  @Test
  void multiSingleDownloadsThroughAMultiHandle() throws Exception {
    Run r = java("MultiSingle", url("/"));
    r.assertExit(0);
    assertEquals(page(), r.out);
    Run big = java("MultiSingle", TestServer.get().url("/bytes?size=200000"));
    big.assertExit(0);
    assertEquals(200000, big.out.length());
    byte[] expected = TestServer.patternBytes(200000);
    assertEquals(new String(expected, StandardCharsets.ISO_8859_1), big.out);
  }

  @Test
  void httpPostSendsTheFormFields() throws Exception {
    Run r = java("HttpPost", url("/post"));
    r.assertExit(0);
    assertEquals("name=daniel&project=curl", r.out);
    Run echo = java("HttpPost", TestServer.get().url("/echo"));
    echo.assertExit(0);
    assertTrue(echo.out.startsWith("method=POST\n"), echo.out);
    assertTrue(echo.out.contains("Content-Type: application/x-www-form-urlencoded\n"), echo.out);
    assertTrue(echo.out.endsWith("\n\nname=daniel&project=curl"), echo.out);
    Run refused = java("HttpPost", "http://127.0.0.1:1/");
    refused.assertExit(7);
  }

  @Test
  void getInMemoryCountsWhatItCollected() throws Exception {
    Run r = java("GetInMemory", TestServer.get().url("/bytes?size=1234567"));
    r.assertExit(0);
    assertEquals("1234567 bytes in memory\n", r.out);
    Run own = java("GetInMemory");
    own.assertExit(0);
    assertEquals("100000 bytes in memory\n", own.out);
    Run agent = java("GetInMemory", TestServer.get().url("/echo"));
    agent.assertExit(0);
    assertTrue(agent.out.matches("\\d+ bytes in memory\n"), agent.out);
  }

  @Test
  void getRedirectResolvesTheLocation() throws Exception {
    Run r = java("GetRedirect", url("/redirect"));
    r.assertExit(0);
    assertEquals("see /\nLocation resolved to: " + url("/") + "\n", r.out);
    Run none = java("GetRedirect", url("/hello"));
    none.assertExit(0);
    assertEquals(constant("HELLO"), none.out);
    assertEquals("no redirect in this answer\n", none.err);
  }

  @Test
  void sepHeadersWritesHeadersAndBodyToTwoFiles() throws Exception {
    Path dir = Files.createDirectories(work.resolve("sepheaders-java"));
    Run r = javaIn(dir, "SepHeaders", null, url("/headers"));
    r.assertExit(0);
    assertEquals("", r.out);
    String head = Files.readString(dir.resolve("head.out"), StandardCharsets.ISO_8859_1);
    assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
    assertTrue(head.contains("\r\nX-example: first\r\nX-example: second\r\n"), head);
    assertTrue(head.endsWith("\r\n\r\n"), head);
    assertEquals("headers\n", Files.readString(dir.resolve("body.out")));
  }

  @Test
  void url2FileSavesThePage() throws Exception {
    Path dir = Files.createDirectories(work.resolve("url2file-java"));
    Run r = javaIn(dir, "Url2File", null, url("/"));
    r.assertExit(0);
    assertEquals("", r.out);
    assertEquals(page(), Files.readString(dir.resolve("page.out")));
    assertTrue(r.err.contains("> GET / HTTP/1.1\r\n"), r.err);
    Run refused = javaIn(dir, "Url2File", null, "http://127.0.0.1:1/");
    refused.assertExit(7);
    assertEquals("", Files.readString(dir.resolve("page.out")));
  }

  @Test
  void multiLegacyWaitsWithSelect() throws Exception {
    byte[] upload = "uploaded while select() waits\n".getBytes(StandardCharsets.UTF_8);
    Run r = javaWithInput("MultiLegacy", upload, url("/"), ftpUrl("/legacy-java.txt"));
    r.assertExit(0);
    assertTrue(r.out.startsWith(page()), r.out);
    assertEquals(List.of("download (HTTP) done, CURLcode 0", "upload (FTP) done, CURLcode 0"),
        r.out.substring(page().length()).lines().sorted().collect(Collectors.toList()));
    assertEquals(new String(upload, StandardCharsets.UTF_8),
        new String(ftpUploads().get("legacy-java.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void chkSpeedMeasuresADownload() throws Exception {
    Run r = java("ChkSpeed", "-x", "-a", "-m=2");
    r.assertExit(0);
    List<String> lines = r.out.lines().collect(Collectors.toList());
    assertEquals("-------------------------------------------------", lines.get(0));
    assertEquals("Bytes downloaded: 2097152", lines.get(1));
    assertTrue(lines.get(2).matches("Transfer took \\d+\\.\\d{6} s"), r.out);
    assertTrue(lines.get(3).matches("Average speed: \\d+ KiB/s"), r.out);
    assertTrue(r.out.contains("\nConnecting took "), r.out);

    Run given = java("ChkSpeed", TestServer.get().url("/bytes?size=4321"));
    given.assertExit(0);
    assertTrue(given.out.startsWith("Bytes downloaded: 4321\n"), given.out);

    Run badSize = java("ChkSpeed", "-m=3");
    badSize.assertExit(1);
    assertEquals("\rChkSpeed: no test file of size 3\n", badSize.err);
    Run help = java("ChkSpeed", "-h");
    help.assertExit(1);
    assertTrue(help.err.startsWith("\rUsage: ChkSpeed [-m="), help.err);
  }

  // --- the same programs in C --------------------------------------------------------

  /**
   * Each original C example, built from the curl tarball with gcc against the project's
   * static libcurl stack, next to its Java port against the same URL. The C source is used
   * as it is except for its hard-coded URLs (and post-callback.c's upload text, which is
   * replaced by the port's). The ports word their messages differently, so the C output
   * goes through a map of the C phrases to the port's before the comparison.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class CompareWithC {

    private Path tarball;
    private Path deps;
    private final Map<String, Path> built = new ConcurrentHashMap<>();

    @BeforeAll
    void findToolchain() throws Exception {
      deps = Paths.get(System.getProperty("curlew.native.deps",
          Paths.get(System.getProperty("curlew.examples.dir", "examples")).toAbsolutePath()
              .getParent().resolve("target/native/deps").toString()));
      tarball = findTarball();
      assumeTrue(tarball != null, "curl_8.21.0.orig.tar.gz not found (CURLEW_TARBALLS, "
          + "../shared/third_party, ~/.cache/curlew/tarballs): no C comparison");
      assumeTrue(Files.isRegularFile(deps.resolve("lib/libcurl.a")),
          "no static libcurl in " + deps);
      assumeTrue(exec(List.of("gcc", "--version"), null, work).exit == 0, "no gcc");
    }

    @Test
    void simple() throws Exception {
      String u = url("/redirect");
      Run c = c("simple", Map.of("\"https://example.com\"", u));
      Run j = java("Simple", u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(page(), c.out);
      assertEquals(c.out, j.out);
    }

    @Test
    void getinfo() throws Exception {
      String u = url("/hello");
      Run c = c("getinfo", Map.of("\"https://www.example.com/\"", u));
      Run j = java("GetInfo", u);
      assertEquals(0, c.exit, c.err);
      j.assertExit(c.exit);
      assertEquals(phrases(c.out, "We received Content-Type: ", "Content-Type of the response: "),
          j.out);

      Run cFail = c("getinfo", Map.of("\"https://www.example.com/\"", "http://127.0.0.1:1/"));
      Run jFail = java("GetInfo", "http://127.0.0.1:1/");
      assertEquals(7, cFail.exit);
      jFail.assertExit(cFail.exit);
    }

    @Test
    void headerapi() throws Exception {
      String u = url("/headers");
      Run c = c("headerapi", Map.of("\"https://example.com\"", u));
      Run j = java("HeaderApi", u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(dates(phrases(c.out, "Got content-type: ", "Content-Type header: ",
          "All server headers:", "Every response header:")), dates(j.out));
      assertTrue(j.out.contains(" X-example: second (2)"), j.out);
    }

    @Test
    void postCallback() throws Exception {
      String u = url("/post");
      String data = (String) field("PostCallback", "data");
      Map<String, String> subst = new LinkedHashMap<>();
      subst.put("\"https://example.com/index.cgi\"", u);
      subst.put("regex:static const char data\\[\\] =[^;]*;",
          "static const char data[] = " + cString(data) + ";");
      Run c = c("post-callback", subst);
      Run j = java("PostCallback", u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(data, c.out);
      assertEquals(c.out, j.out);
      // the verbose conversation is the same, but for the client's port and the date
      assertEquals(verbose(c.err), verbose(j.err));
    }

    @Test
    void multiApp() throws Exception {
      byte[] upload = "the same upload for C and Java\n".getBytes(StandardCharsets.UTF_8);
      Map<String, String> subst = new LinkedHashMap<>();
      subst.put("\"https://example.com\"", url("/"));
      subst.put("\"ftp://example.com\"", ftpUrl("/multi-app-c.txt"));
      Run c = cWithInput("multi-app", subst, upload);
      Run j = javaWithInput("MultiApp", upload, url("/"), ftpUrl("/multi-app-j.txt"));
      c.assertExit(0);
      j.assertExit(0);
      // the two transfers may finish in either order
      UnaryOperator<String> sortedStatus = s -> s.substring(0, page().length())
          + s.substring(page().length()).lines().sorted().collect(Collectors.joining("\n"));
      assertEquals(sortedStatus.apply(phrases(c.out,
              "HTTP transfer completed with status ", "download (HTTP) done, CURLcode ",
              "FTP transfer completed with status ", "upload (FTP) done, CURLcode ")),
          sortedStatus.apply(j.out));
      assertTrue(j.out.contains("upload (FTP) done, CURLcode 0"), j.out);
      Map<String, byte[]> stored = ftpUploads();
      assertEquals(new String(upload, StandardCharsets.UTF_8),
          new String(stored.get("multi-app-c.txt"), StandardCharsets.UTF_8));
      assertEquals(new String(upload, StandardCharsets.UTF_8),
          new String(stored.get("multi-app-j.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void sharedConnectionCache() throws Exception {
      String u = url("/conn");
      Run c = c("shared-connection-cache", Map.of("\"https://curl.se/\"", u));
      Run j = java("SharedConnectionCache", u);
      c.assertExit(0);
      j.assertExit(0);
      // each run keeps one connection (its own port three times)
      String ports = "client port N\nclient port N\nclient port N\n";
      assertEquals(ports, c.out.replaceAll("\\d+", "N"));
      assertEquals(ports, j.out.replaceAll("\\d+", "N"));
      assertEquals(1, j.out.lines().distinct().count(), j.out);
      // libcurl took and released the share's lock the same number of times, in the same
      // order, through the Java lock functions as through the C ones
      assertEquals(phrases(c.err, "-> Mutex lock", "-> lock taken",
          "<- Mutex unlock", "<- lock released"), j.err);
    }

    @Test
    void urlapi() throws Exception {
      String u = url("/path/index.html");
      Run c = c("urlapi", Map.of("\"http://example.com/path/index.html\"", u));
      Run j = java("UrlApi", u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(page(), c.out);
      assertEquals(c.out, j.out);
      assertEquals(verbose(c.err), verbose(j.err));

      // an FTP URL gets through in both (see the test above for why)
      String ftp = ftpUrl("/x.txt");
      Run cFtp = c("urlapi", Map.of("\"http://example.com/path/index.html\"", ftp));
      Run jFtp = java("UrlApi", ftp);
      assertEquals(19, cFtp.exit, cFtp.err);
      jFtp.assertExit(cFtp.exit);
      assertEquals(lastLine(phrases(cFtp.err, "curl_easy_perform() failed: ",
          "transfer failed: "), ""), lastLine(jFtp.err, ""));
    }

    @Test
    void ephiperfifo() throws Exception {
      List<String> urls = List.of(url("/"), url("/redirect"), url("/bytes?size=300000"),
          "http://127.0.0.1:1/");
      Map<String, String> subst = new LinkedHashMap<>();
      // curl 8.21.0's ephiperfifo.c does not compile: clean_fifo() uses the name "fifo",
      // which is local to init_fifo(). Making it a file-scope variable fixes that.
      subst.put("regex:(static int init_fifo\\(struct GlobalInfo \\*g\\)\\s*\\{[^}]*?)"
          + "\\n\\s*static const char \\*fifo = \"hiper.fifo\";",
          "static const char *fifo = \"hiper.fifo\";\n$1");
      Path exe = build("ephiperfifo", subst);
      Path cwd = Files.createDirectories(work.resolve("fifo-" + System.nanoTime()));
      Process p = new ProcessBuilder(exe.toString()).directory(cwd.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      runner.track(p);
      p.getOutputStream().close();
      List<String> cOut = new ArrayList<>();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          cOut.add(line);
          if (line.equals("Entering wait loop")) {
            // the program made the FIFO and waits for URLs on it
            Files.writeString(cwd.resolve("hiper.fifo"), String.join("\n", urls) + "\n");
          }
          if (cOut.stream().filter(l -> l.startsWith("DONE: ")).count() == urls.size()) {
            break;
          }
        }
        // the C program runs until SIGINT
        assertEquals(0, exec(List.of("bash", "-c", "kill -INT " + p.pid()), null, cwd).exit);
        while ((line = in.readLine()) != null) {
          cOut.add(line);
        }
      }
      assertTrue(p.waitFor(ExampleRunner.RUN_SECONDS, TimeUnit.SECONDS),
          "C ephiperfifo did not stop");
      assertEquals(0, p.exitValue(), String.join("\n", cOut));
      assertEquals("Exiting normally.", cOut.get(cOut.size() - 1));

      Run j = java("Ephiper", urls.toArray(new String[0]));
      j.assertExit(0);
      UnaryOperator<String> ms = l -> l.replaceAll("after \\d+ ms", "after N ms");
      List<String> cDone = cOut.stream().filter(l -> l.startsWith("DONE: "))
          .map(l -> l.replace("DONE: ", "finished: ")).map(ms).sorted()
          .collect(Collectors.toList());
      List<String> jDone = lines(j.out, "finished: ").stream().map(ms).sorted()
          .collect(Collectors.toList());
      assertEquals(cDone, jDone);
      assertTrue(jDone.stream().anyMatch(l -> l.contains(" => (7) Failed to connect")), j.out);
      // both report the same kinds of socket events and timeouts
      assertEquals(socketEvents(String.join("\n", cOut)), socketEvents(j.out));
    }


    @Test
    void multiSingle() throws Exception {
      String u = url("/");
      Run c = c("multi-single", Map.of("\"https://www.example.com/\"", u));
      Run j = java("MultiSingle", u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(page(), c.out);
      assertEquals(c.out, j.out);
    }

    @Test
    void httpPost() throws Exception {
      String u = TestServer.get().url("/echo");
      Run c = c("http-post", Map.of("\"http://postit.example.com/moo.cgi\"", u));
      Run j = java("HttpPost", u);
      c.assertExit(0);
      j.assertExit(0);
      // the server echoes the whole request: the same method, headers and body
      assertEquals(c.out, j.out);
      assertTrue(j.out.endsWith("name=daniel&project=curl"), j.out);
    }

    @Test
    void getinmemory() throws Exception {
      String u = TestServer.get().url("/echo");
      Run c = c("getinmemory", Map.of("\"https://www.example.com/\"", u));
      Run j = java("GetInMemory", u);
      c.assertExit(0);
      j.assertExit(0);
      // /echo sends the request back, so equal sizes mean equal requests (User-Agent too)
      assertEquals(phrases(c.out, " bytes retrieved", " bytes in memory"), j.out);
    }

    @Test
    void getredirect() throws Exception {
      String u = url("/redirect");
      Run c = c("getredirect", Map.of("\"https://example.com\"", u));
      Run j = java("GetRedirect", u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(phrases(c.out, "Redirected to: ", "Location resolved to: "), j.out);

      String hello = url("/hello");
      Run cNone = c("getredirect", Map.of("\"https://example.com\"", hello));
      Run jNone = java("GetRedirect", hello);
      assertEquals(cNone.out, jNone.out);
      assertEquals(phrases(cNone.err, "Not a redirect.", "no redirect in this answer"),
          jNone.err);
    }

    @Test
    void sepheaders() throws Exception {
      String u = url("/headers");
      Path cDir = Files.createDirectories(work.resolve("sepheaders-c"));
      Path jDir = Files.createDirectories(work.resolve("sepheaders-j"));
      Run c = exec(List.of(build("sepheaders", Map.of("\"https://example.com\"", u))
          .toString()), null, cDir);
      Run j = javaIn(jDir, "SepHeaders", null, u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(dates(read(cDir, "head.out")), dates(read(jDir, "head.out")));
      assertEquals(read(cDir, "body.out"), read(jDir, "body.out"));
      assertEquals("headers\n", read(jDir, "body.out"));
    }

    @Test
    void url2file() throws Exception {
      String u = url("/index.html");
      Path cDir = Files.createDirectories(work.resolve("url2file-c"));
      Path jDir = Files.createDirectories(work.resolve("url2file-j"));
      Run c = exec(List.of(build("url2file", Map.of()).toString(), u), null, cDir);
      Run j = javaIn(jDir, "Url2File", null, u);
      c.assertExit(0);
      j.assertExit(0);
      assertEquals(page(), read(cDir, "page.out"));
      assertEquals(read(cDir, "page.out"), read(jDir, "page.out"));
      assertEquals(verbose(c.err), verbose(j.err));
    }

    @Test
    void multiLegacy() throws Exception {
      byte[] upload = "select() based upload\n".getBytes(StandardCharsets.UTF_8);
      Map<String, String> subst = new LinkedHashMap<>();
      subst.put("\"https://example.com\"", url("/"));
      subst.put("\"ftp://example.com\"", ftpUrl("/legacy-c.txt"));
      Run c = cWithInput("multi-legacy", subst, upload);
      Run j = javaWithInput("MultiLegacy", upload, url("/"), ftpUrl("/legacy-j.txt"));
      c.assertExit(0);
      j.assertExit(0);
      UnaryOperator<String> sortedStatus = s -> s.substring(0, page().length())
          + s.substring(page().length()).lines().sorted().collect(Collectors.joining("\n"));
      assertEquals(sortedStatus.apply(phrases(c.out,
              "HTTP transfer completed with status ", "download (HTTP) done, CURLcode ",
              "FTP transfer completed with status ", "upload (FTP) done, CURLcode ")),
          sortedStatus.apply(j.out));
      Map<String, byte[]> stored = ftpUploads();
      assertEquals(new String(stored.get("legacy-c.txt"), StandardCharsets.UTF_8),
          new String(stored.get("legacy-j.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void chkspeed() throws Exception {
      Map<String, String> subst = Map.of("\"http://speedtest.your.domain/\"", url("/"));
      Run c = exec(List.of(build("chkspeed", subst).toString(), "-x", "-m=5"), null, work);
      Run j = java("ChkSpeed", "-x", "-m=5");
      c.assertExit(0);
      j.assertExit(0);
      UnaryOperator<String> timing = s -> s.replaceAll("took \\d+\\.\\d{6} s", "took T s")
          .replaceAll("speed: \\d+ ", "speed: S ");
      assertEquals(timing.apply(phrases(c.out, "Data downloaded: ", "Bytes downloaded: ",
          " bytes.\n", "\n", "Total download time: ", "Transfer took ", " sec.\n", " s\n",
          "Average download speed: ", "Average speed: ", " kbyte/sec.", " KiB/s")),
          timing.apply(j.out));
      assertTrue(j.out.contains("Bytes downloaded: 5242880\n"), j.out);

      Run cBad = exec(List.of(build("chkspeed", subst).toString(), "-m=3"), null, work);
      Run jBad = java("ChkSpeed", "-m=3");
      assertEquals(1, cBad.exit);
      jBad.assertExit(cBad.exit);
      assertEquals("", cBad.out + jBad.out);
    }

    private String read(Path dir, String name) throws IOException {
      return Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1);
    }

    // --- helpers ---------------------------------------------------------------------

    private Run c(String example, Map<String, String> subst) throws Exception {
      return cWithInput(example, subst, null);
    }

    private Run cWithInput(String example, Map<String, String> subst, byte[] stdin)
        throws Exception {
      return exec(List.of(build(example, subst).toString()), stdin, work);
    }

    /** Extracts, patches and builds one C example; the same patch builds once. */
    private Path build(String example, Map<String, String> subst) throws Exception {
      String key = example + subst;
      Path exe = built.get(key);
      if (exe != null) {
        return exe;
      }
      Run src = exec(List.of("tar", "-xzOf", tarball.toString(),
          "curl-8.21.0/docs/examples/" + example + ".c"), null, work);
      assertEquals(0, src.exit, src.err);
      String code = src.out;
      for (Map.Entry<String, String> e : subst.entrySet()) {
        String from = e.getKey();
        Pattern pattern;
        String to;
        if (from.startsWith("regex:")) {
          pattern = Pattern.compile(from.substring(6));
          to = e.getValue();
        } else {
          pattern = Pattern.compile(Pattern.quote(from));
          to = Matcher.quoteReplacement(cString(e.getValue()));
        }
        Matcher m = pattern.matcher(code);
        assertTrue(m.find(), example + ".c no longer contains " + from);
        code = m.replaceAll(to);
      }
      Path dir = Files.createDirectories(work.resolve("c-" + built.size() + "-" + example));
      Path c = dir.resolve(example + ".c");
      Files.writeString(c, code);
      // stdout line-buffered even into a pipe, so the test sees progress as it happens
      Path linebuf = dir.resolve("linebuf.c");
      Files.writeString(linebuf, "#include <stdio.h>\n__attribute__((constructor)) static "
          + "void linebuf(void) { setvbuf(stdout, NULL, _IOLBF, 0); }\n");
      exe = dir.resolve(example);
      List<String> cmd = new ArrayList<>(List.of("gcc", "-O0", "-DCURL_STATICLIB",
          "-I" + deps.resolve("include"), "-o", exe.toString(), c.toString(),
          linebuf.toString()));
      for (String lib : List.of("curl", "nghttp2", "ssl", "crypto", "brotlidec",
          "brotlicommon", "zstd", "z")) {
        cmd.add(deps.resolve("lib/lib" + lib + ".a").toString());
      }
      cmd.addAll(List.of("-pthread", "-ldl"));
      Run gcc = exec(cmd, null, dir);
      assertEquals(0, gcc.exit, "gcc failed for " + example + ":\n" + gcc.err);
      built.put(key, exe);
      return exe;
    }

    private Path findTarball() {
      List<Path> dirs = new ArrayList<>();
      String env = System.getenv("CURLEW_TARBALLS");
      if (env != null) {
        for (String d : env.split(":")) {
          if (!d.isEmpty()) {
            dirs.add(Paths.get(d));
          }
        }
      }
      Path base = Paths.get(System.getProperty("curlew.examples.dir", "examples"))
          .toAbsolutePath().getParent();
      dirs.add(base.resolveSibling("shared").resolve("third_party"));
      String cache = System.getenv("CURLEW_CACHE");
      dirs.add(cache != null ? Paths.get(cache, "tarballs")
          : Paths.get(System.getProperty("user.home"), ".cache", "curlew", "tarballs"));
      for (Path d : dirs) {
        Path t = d.resolve("curl_8.21.0.orig.tar.gz");
        if (Files.isRegularFile(t)) {
          return t;
        }
      }
      return null;
    }
  }

  // --- running programs ----------------------------------------------------------------

  private Run java(String example, String... args) throws Exception {
    return javaWithInput(example, null, args);
  }

  private Run javaWithInput(String example, byte[] stdin, String... args) throws Exception {
    return javaIn(work, example, stdin, args);
  }

  private Run javaIn(Path cwd, String example, byte[] stdin, String... args) throws Exception {
    Run r = runner.launch(cwd, "examples.raw." + example, stdin, Map.of(), args);
    ExampleRunner.assertNoJniTrouble(example, r);
    return r;
  }

  private Run exec(List<String> cmd, byte[] stdin, Path cwd) throws Exception {
    return runner.exec(cmd, stdin, cwd, Map.of());
  }

  // --- the in-process ExampleServer --------------------------------------------------

  private String url(String path) {
    return (String) invoke("url", path);
  }

  private String ftpUrl(String path) {
    return (String) invoke("ftpUrl", path);
  }

  @SuppressWarnings("unchecked")
  private Map<String, byte[]> ftpUploads() {
    return (Map<String, byte[]>) invoke("ftpUploads");
  }

  private Object invoke(String method, String... args) {
    try {
      Class<?>[] types = new Class<?>[args.length];
      java.util.Arrays.fill(types, String.class);
      return server.getClass().getMethod(method, types).invoke(server, (Object[]) args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private String page() {
    return (String) constant("PAGE");
  }

  private Object constant(String name) {
    try {
      return server.getClass().getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object field(String example, String name) {
    try {
      Field f = loader.loadClass("examples.raw." + example).getDeclaredField(name);
      f.setAccessible(true);
      return f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- text helpers --------------------------------------------------------------------

  /** Replaces C phrases with the port's: pairs of (C phrase, Java phrase). */
  static String phrases(String text, String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      assertTrue(text.contains(pairs[i]) || pairs[i].startsWith("curl_easy_perform"),
          "C output without \"" + pairs[i] + "\":\n" + text);
      text = text.replace(pairs[i], pairs[i + 1]);
    }
    return text;
  }

  /** Date header values vary from run to run. */
  static String dates(String text) {
    return text.replaceAll("(?m)^(\\s*<?\\s*Date: ).*$", "$1<date>");
  }

  /** Verbose output without what differs between two runs: dates and client ports. */
  static String verbose(String text) {
    return dates(text).replaceAll("from 127\\.0\\.0\\.1 port \\d+", "from 127.0.0.1 port N");
  }

  /** The kinds of socket callback lines, without descriptors and handles, as a set. */
  static List<String> socketEvents(String text) {
    return text.lines().filter(l -> l.startsWith("socket callback: ") || l.contains("what="))
        .map(l -> l.replaceAll("s=\\d+ e=\\S+ ", ""))
        .map(l -> l.replace("Adding data: ", "new socket: ")
            .replace("Changing action from ", "watching changes from "))
        .distinct().sorted().collect(Collectors.toList());
  }

  static List<String> lines(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
  }

  static String lastLine(String text, String prefix) {
    List<String> l = lines(text, prefix);
    return l.get(l.size() - 1);
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** A C string literal for text. */
  static String cString(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
