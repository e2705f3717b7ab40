package io.curlew.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.curlew.examples.ExampleRunner.Run;
import io.curlew.testing.TestCertificates;
import io.curlew.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The idiomatic examples in {@code examples/easy}, {@code examples/multi} and
 * {@code examples/topics}: each program runs in its own JVM (with -Xcheck:jni) against its
 * own local server, and most also against the URL of a server of this JVM (the examples'
 * ExampleServer, to see what it received, or the Jetty {@link TestServer}, for HTTP/2, TLS
 * and a second implementation of the same routes). The checks are on what the programs print
 * and their exit status.
 *
 * <p>{@link #everyExampleProgramIsRunByATest} checks that examples/ holds at least 25
 * programs and that each one is run by this class or by {@link RawExamplesTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IdiomaticExamplesTest {

  private ExampleRunner runner;
  /** an examples.support.ExampleServer, driven by reflection */
  private Object server;
  private Map<String, String> trustTestCa;

  @BeforeAll
  void compileExamplesAndStartServer() throws Exception {
    runner = new ExampleRunner();
    server = runner.startServer();
    // curlew's CA discovery honours SSL_CERT_FILE: the examples trust the test CA without
    // an option of their own
    trustTestCa = Map.of("SSL_CERT_FILE", TestCertificates.get().caFile.toString());
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

  // --- examples/easy ---------------------------------------------------------------------

  @Test
  void simpleGetFollowsTheRedirect() throws Exception {
    Run own = run("easy.SimpleGet");
    own.assertExit(0);
    assertTrue(own.out.matches("status: 200\ntype: text/html; charset=UTF-8\nredirects: 1\n"
        + "url: http://127\\.0\\.0\\.1:\\d+/\n" + Pattern.quote(page())), own.out);

    Run jetty = run("easy.SimpleGet", jetty("/redirect/3"));
    jetty.assertExit(0);
    assertEquals("status: 200\ntype: text/plain; charset=utf-8\nredirects: 3\nurl: "
        + jetty("/redirect/0") + "\ndone", jetty.out);

    Run refused = run("easy.SimpleGet", "http://127.0.0.1:1/");
    refused.assertExit(1);
    assertEquals("", refused.out);
    assertTrue(refused.err.startsWith("transfer failed: CURLE_COULDNT_CONNECT (7): "),
        refused.err);
  }

  @Test
  void postSendsAFormAndJson() throws Exception {
    Run r = run("easy.Post", url("/echo"));
    r.assertExit(0);
    String host = "Host: 127.0.0.1:" + port();
    assertEquals("--- form: HTTP 200\nPOST /echo\nAccept: */*\nContent-length: 28\n"
        + "Content-type: application/x-www-form-urlencoded\n" + host + "\n\n"
        + "name=Daniel%20S&project=curl\n"
        + "--- json: HTTP 200\nPOST /echo\nAccept: */*\nContent-length: 34\n"
        + "Content-type: application/json\n" + host + "\n\n"
        + "{\"name\":\"Daniel\",\"project\":\"curl\"}\n", r.out);

    Run jetty = run("easy.Post", jetty("/echo"));
    jetty.assertExit(0);
    List<String> lines = jetty.lines();
    assertEquals(2, lines.stream().filter(l -> l.equals("method=POST")).count(), jetty.out);
    assertTrue(lines.contains("Content-Type: application/x-www-form-urlencoded"), jetty.out);
    assertTrue(lines.contains("Content-Type: application/json"), jetty.out);
    assertTrue(jetty.out.contains("\n\nname=Daniel%20S&project=curl\n--- json: HTTP 200\n"),
        jetty.out);
    assertTrue(jetty.out.endsWith("\n\n{\"name\":\"Daniel\",\"project\":\"curl\"}\n"),
        jetty.out);
  }

  @Test
  void customHeadersAreAddedReplacedEmptiedAndRemoved() throws Exception {
    Run r = run("easy.CustomHeaders");
    r.assertExit(0);
    List<String> lines = r.lines();
    assertEquals("request headers set: [X-Request-Id: 42, Accept: text/plain, X-Empty;, "
        + "User-Agent:]", lines.get(0));
    // what the JDK server received, its names in its own case and sorted
    int received = lines.indexOf("--- what the server received:");
    int response = indexOfPrefix(lines, "--- response headers of HTTP 200:");
    assertEquals(List.of("GET /echo", "Accept: text/plain", "Host: 127.0.0.1:"
        + lines.get(received + 3).substring(16), "X-empty: ", "X-request-id: 42", ""),
        lines.subList(received + 1, response), r.out);
    assertTrue(lines.get(received + 3).matches("Host: 127\\.0\\.0\\.1:\\d+"), r.out);
    assertTrue(lines.containsAll(List.of("X-example: first (1 of 2)",
        "X-example: second (2 of 2)", "Cache-control: no-store (1 of 1)",
        "X-Example, last: second", "X-Example, first: first")), r.out);

    Run jetty = run("easy.CustomHeaders", jetty("/echo"));
    jetty.assertExit(0);
    List<String> sent = jetty.lines();
    assertTrue(sent.containsAll(List.of("method=GET", "X-Request-Id: 42", "Accept: text/plain",
        "X-Empty: ")), jetty.out);
    assertFalse(jetty.out.toLowerCase().contains("user-agent: "), jetty.out);
    assertFalse(jetty.out.contains("*/*"), jetty.out);
    assertTrue(sent.contains("X-Example, last: (none)"), jetty.out);
  }

  @Test
  void getinfoTimingsGrowPhaseByPhase() throws Exception {
    Run r = run("easy.GetinfoTimings");
    r.assertExit(0);
    Map<String, Long> t = timings(r.out);
    assertEquals(List.of("queue", "namelookup", "connect", "appconnect", "pretransfer",
        "posttransfer", "starttransfer", "total", "redirect"), new ArrayList<>(t.keySet()));
    assertAscending(t, "namelookup", "connect", "pretransfer", "posttransfer",
        "starttransfer", "total");
    assertTrue(t.get("connect") > 0, r.out);
    assertEquals(0, t.get("appconnect"), "no TLS: " + r.out);
    assertEquals(0, t.get("redirect"), r.out);
    assertTrue(r.out.contains("\nstatus: 200\ndownloaded: 1048576 bytes\nspeed: "), r.out);
    assertTrue(r.out.endsWith("\nconnections made: 1\n"), r.out);

    // over TLS the handshake has its own phase
    Run tls = runWith(trustTestCa, "easy.GetinfoTimings", TestServer.get().tlsUrl(
        "/bytes?size=5000"));
    tls.assertExit(0);
    Map<String, Long> tt = timings(tls.out);
    assertAscending(tt, "namelookup", "connect", "appconnect", "pretransfer",
        "starttransfer", "total");
    assertTrue(tt.get("appconnect") > tt.get("connect"), tls.out);
    assertTrue(tls.out.contains("\ndownloaded: 5000 bytes\n"), tls.out);
  }

  @Test
  void verboseLoggingGoesToTheLoggerRedacted() throws Exception {
    Run r = run("easy.VerboseLogging");
    r.assertExit(0);
    List<String> log = r.err.lines().collect(Collectors.toList());
    assertTrue(log.containsAll(List.of("wire: > GET /hello HTTP/1.1",
        "wire: > Authorization: [redacted]", "wire: < HTTP/1.1 200 OK",
        "wire: * Request completely sent off")), r.err);
    assertTrue(log.stream().allMatch(l -> l.startsWith("wire: ")), r.err);
    assertFalse(r.out.contains("s3cr3t") || r.err.contains("s3cr3t"), r.out + r.err);
    // the debug callback's lines: headers only, no log records, no "*" text
    List<String> out = r.lines();
    assertEquals("logged transfer: HTTP 200", out.get(0));
    assertEquals("sent: GET /hello HTTP/1.1", out.get(1));
    assertTrue(out.contains("received: HTTP/1.1 200 OK"), r.out);
    assertTrue(out.contains("received: Content-length: 30"), r.out);
    assertTrue(out.stream().skip(1).allMatch(l -> l.startsWith("sent: ")
        || l.startsWith("received: ")), r.out);
    assertEquals(1, log.stream().filter(l -> l.startsWith("wire: > GET ")).count(),
        "the second transfer's debug callback replaced the logger: " + r.err);
  }

  @Test
  void nameResolvingPinsAndRedirectsAMadeUpName() throws Exception {
    for (String echo : List.of(url("/echo"), jetty("/echo"))) {
      Run r = run("easy.NameResolving", echo);
      r.assertExit(0);
      String p = echo.replaceAll(".*:(\\d+)/.*", "$1");
      assertEquals("as given: connected to 127.0.0.1 port " + p + ", HTTP 200, Host 127.0.0.1:"
          + p + "\nRESOLVE www.curlew.example:" + p + ":127.0.0.1: connected to 127.0.0.1 port "
          + p + ", HTTP 200, Host www.curlew.example:" + p + "\n"
          + "CONNECT_TO www.curlew.example:80:127.0.0.1:" + p + ": connected to 127.0.0.1 port "
          + p + ", HTTP 200, Host www.curlew.example\n", r.out);
    }
  }

  @Test
  void connectionReuseKeepsOneConnectionPerHandle() throws Exception {
    for (String where : List.of(url("/conn"), jetty("/port"))) {
      Run r = run("easy.ConnectionReuse", where);
      r.assertExit(0);
      Pattern line = Pattern.compile("(.+): new connections (\\d), connection #(\\d+), "
          + "(?:client port )?(\\d+)");
      List<String[]> rows = new ArrayList<>();
      for (String l : r.lines()) {
        Matcher m = line.matcher(l);
        assertTrue(m.matches(), l);
        rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
      }
      assertEquals(List.of("transfer 1", "transfer 2", "transfer 3", "FRESH_CONNECT",
          "transfer 5", "another handle"), rows.stream().map(x -> x[0])
          .collect(Collectors.toList()), r.out);
      String first = rows.get(0)[3];
      String fresh = rows.get(3)[3];
      assertEquals(List.of("1", "0", "0", "1", "0", "1"), rows.stream().map(x -> x[1])
          .collect(Collectors.toList()), r.out);
      assertEquals(first, rows.get(1)[3], r.out);
      assertEquals(first, rows.get(2)[3], r.out);
      assertEquals(rows.get(0)[2], rows.get(2)[2], "the same connection id: " + r.out);
      assertNotEquals(first, fresh, r.out);
      assertNotEquals(rows.get(0)[2], rows.get(3)[2], r.out);
      assertTrue(Set.of(first, fresh).contains(rows.get(4)[3]), r.out);
      assertFalse(Set.of(first, fresh).contains(rows.get(5)[3]), r.out);
    }
  }

  @Test
  void errorCodesSwitchOnTheCurlCode() throws Exception {
    List<String> expected = List.of(
        "refused: CurlConnectException COULDNT_CONNECT (7): nobody answers there",
        "too slow: CurlTimeoutException OPERATION_TIMEDOUT (28): too slow: retry later or "
            + "allow more time",
        "404: no error, HTTP 404",
        "404 with FAILONERROR: CurlException HTTP_RETURNED_ERROR (22): the server answered "
            + "with an error status",
        "file: URL: CurlException UNSUPPORTED_PROTOCOL (1): a scheme the handle does not allow",
        "bad URL: CurlException URL_MALFORMAT (3): not a URL",
        "too big: CurlException WRITE_ERROR (23): the body could not be stored",
        "stopped: CurlAbortedByCallbackException ABORTED_BY_CALLBACK (42): the application "
            + "stopped it",
        "callback threw: CurlAbortedByCallbackException ABORTED_BY_CALLBACK (42): the "
            + "application stopped it");
    for (String base : List.of(url(""), jetty(""))) {
      Run r = run("easy.ErrorCodes", base);
      r.assertExit(0);
      assertEquals(expected, r.lines().stream().filter(l -> !l.startsWith("  "))
          .collect(Collectors.toList()), r.out);
      for (String detail : List.of("Failed to connect to 127.0.0.1:1 after ",
          "Operation timed out after ", "The requested URL returned error: 404",
          "Protocol \"file\" is disabled", "Malformed input to a URL function",
          "larger than the in-memory limit of 1000 bytes",
          "a callback threw java.io.IOException: disk full (pretend)",
          "\n  cause: java.io.IOException: disk full (pretend)\n")) {
        assertTrue(r.out.contains(detail), detail + " in\n" + r.out);
      }
    }
  }

  @Test
  void handleLifecycleResetDuplicateClose() throws Exception {
    String expected = "first transfer: HTTP 200, new connections 1, X-Trace header sent\n"
        + "duplicate: HTTP 200, new connections 1, X-Trace header sent\n"
        + "after reset, no URL: URL_MALFORMAT\n"
        + "after reset: HTTP 200, new connections 0, X-Trace header not sent\n"
        + "close while in a multi handle: refused\n"
        + "after the multi handle closed: HTTP 200, new connections 1, X-Trace header not sent\n"
        + "closed: true\nuse after close: IllegalStateException\n";
    Run r = run("easy.HandleLifecycle");
    r.assertExit(0);
    assertEquals(expected, r.out);
    Run jetty = run("easy.HandleLifecycle", jetty("/echo"));
    jetty.assertExit(0);
    assertEquals(expected, jetty.out);
  }

  // --- examples/multi ----------------------------------------------------------------------

  @Test
  void multiAppDownloadsUploadsAndReportsEachResult() throws Exception {
    Run r = run("multi.MultiApp", url("/"), ftpUrl("/idiomatic-multi-app.txt"));
    r.assertExit(0);
    List<String> lines = r.lines();
    assertEquals("3 transfers, 1 failed", lines.get(3), r.out);
    List<String> done = lines.subList(0, 3).stream().sorted().collect(Collectors.toList());
    assertEquals("done: download (HTTP), OK, response 200, " + page().length()
        + " bytes down, 0 up", done.get(0), r.out);
    assertTrue(done.get(1).matches("done: refused, COULDNT_CONNECT: Failed to connect to "
        + "127\\.0\\.0\\.1:1 after \\d+ ms: Could not connect to server"), r.out);
    assertEquals("done: upload (FTP), OK, response 226, 0 bytes down, 36 up", done.get(2));
    assertEquals("uploaded by examples.multi.MultiApp\n", new String(
        ftpUploads().get("idiomatic-multi-app.txt"), StandardCharsets.UTF_8));

    Run own = run("multi.MultiApp");
    own.assertExit(0);
    assertTrue(own.out.endsWith("3 transfers, 1 failed\n"), own.out);

    Run noFtp = run("multi.MultiApp", url("/"), "ftp://127.0.0.1:1/x.txt");
    noFtp.assertExit(1);
    assertTrue(noFtp.out.contains("done: upload (FTP), COULDNT_CONNECT: "), noFtp.out);
    assertTrue(noFtp.out.endsWith("3 transfers, 2 failed\n"), noFtp.out);
  }

  @Test
  void multiPollWaitsAndIsWokenUp() throws Exception {
    Run r = run("multi.MultiPoll");
    r.assertExit(0);
    assertEquals("transfer: OK, HTTP 200, 1048576 bytes, waited in poll\n"
        + "await with no transfers: 0 sockets ready, returned at once\n"
        + "poll with no transfers: woken by another thread\n", r.out);
    Run jetty = run("multi.MultiPoll", jetty("/bytes?size=3000000"));
    jetty.assertExit(0);
    assertTrue(jetty.out.startsWith("transfer: OK, HTTP 200, 3000000 bytes, waited in poll\n"),
        jetty.out);
  }

  @Test
  void multiSingleStreamsTheBody() throws Exception {
    Run r = run("multi.MultiSingle");
    r.assertExit(0);
    assertEquals(page(), r.out);
    Run big = run("multi.MultiSingle", jetty("/bytes?size=200000"));
    big.assertExit(0);
    assertEquals(new String(TestServer.patternBytes(200000), StandardCharsets.ISO_8859_1),
        big.out);
    Run refused = run("multi.MultiSingle", "http://127.0.0.1:1/");
    refused.assertExit(1);
    assertTrue(refused.err.startsWith("transfer failed: CURLE_COULDNT_CONNECT (7)"),
        refused.err);
  }

  @Test
  void multiSocketRunsEveryTransferFromTheEpollLoop() throws Exception {
    Run r = run("multi.MultiSocket");
    r.assertExit(0);
    String base = r.out.replaceAll("(?s).*?(http://127\\.0\\.0\\.1:\\d+)/.*", "$1");
    assertEquals(List.of(
        "finished: " + base + "/ -> OK, HTTP 200, " + page().length() + " bytes",
        "finished: " + base + "/bytes?size=500000 -> OK, HTTP 200, 500000 bytes",
        "finished: " + base + "/hello -> OK, HTTP 200, 30 bytes",
        "finished: " + base + "/missing -> OK, HTTP 404, 13 bytes",
        "finished: " + base + "/redirect -> OK, HTTP 200, " + page().length() + " bytes"),
        finished(r.out));
    assertTrue(r.out.endsWith("\n5 transfers done, 0 failed\n"), r.out);

    // a slow answer (the timer keeps the loop going meanwhile), redirects, a refusal
    Run jetty = run("multi.MultiSocket", jetty("/delay?ms=300&body=late"),
        jetty("/redirect/2"), jetty("/bytes?size=1000000"), "http://127.0.0.1:1/");
    jetty.assertExit(1);
    assertEquals(Stream.of("finished: " + jetty("/bytes?size=1000000")
            + " -> OK, HTTP 200, 1000000 bytes",
        "finished: " + jetty("/delay?ms=300&body=late") + " -> OK, HTTP 200, 4 bytes",
        "finished: " + jetty("/redirect/2") + " -> OK, HTTP 200, 4 bytes",
        "finished: http://127.0.0.1:1/ -> COULDNT_CONNECT, HTTP 0, 0 bytes").sorted()
        .collect(Collectors.toList()), finished(jetty.out));
    assertTrue(jetty.out.endsWith("\n4 transfers done, 1 failed\n"), jetty.out);
  }

  @Test
  void http2DownloadMultiplexesOverOneConnection() throws Exception {
    // h2c with prior knowledge, and h2 negotiated over TLS
    for (String u : List.of(jetty("/bytes?size=100000"),
        TestServer.get().tlsUrl("/bytes?size=100000"))) {
      Run r = runWith(trustTestCa, "multi.Http2Download", u, "20");
      r.assertExit(0);
      assertTrue(r.out.matches("20 transfers, 0 failed, protocol HTTP/2, connection ids "
          + "\\[\\d+\\], connections opened 1\nmultiplexed: every stream on one connection\n"),
          r.out);
    }
    // the JDK server speaks HTTP/1.1 only: no multiplexing
    Run own = run("multi.Http2Download");
    own.assertExit(0);
    Matcher m = Pattern.compile("10 transfers, 0 failed, protocol HTTP/1\\.1, connection ids "
        + "\\[([\\d, ]+)\\], connections opened (\\d+)\n"
        + "not multiplexed: (\\d+) connection\\(s\\)\n").matcher(own.out);
    assertTrue(m.matches(), own.out);
    // over HTTP/1.1 a connection carries one transfer at a time: one id per connection
    assertEquals(m.group(1).split(", ").length, Integer.parseInt(m.group(2)), own.out);
    assertEquals(m.group(2), m.group(3), own.out);
  }

  @Test
  void fanOutServiceAggregatesAThousandFutures() throws Exception {
    Run r = run("multi.FanOutService");
    r.assertExit(0);
    assertEquals("1000 requests: {HTTP 200=1000}\nnumeric answers: 1000, sum 332833500\n",
        r.out);
    // answers that come late, on the Jetty server: 200 requests, 16 connections
    Run jetty = run("multi.FanOutService", jetty("/delay?ms=20&body={n}"), "200");
    jetty.assertExit(0);
    assertEquals("200 requests: {HTTP 200=200}\nnumeric answers: 200, sum 19900\n", jetty.out);
    Run refused = run("multi.FanOutService", "http://127.0.0.1:1/{n}", "5");
    refused.assertExit(1);
    assertEquals("5 requests: {COULDNT_CONNECT=5}\nnumeric answers: 0, sum 0\n", refused.out);
  }

  // --- examples/topics ---------------------------------------------------------------------

  @Test
  void shareHandlesShareDnsAndConnections() throws Exception {
    for (String u : List.of(url("/conn"), jetty("/port"))) {
      Run r = run("topics.ShareHandles", u);
      r.assertExit(0);
      List<String> lines = r.lines();
      assertEquals(List.of("DNS: the second handle resolved shared.curlew.example to 127.0.0.1"
              + " from the shared cache, HTTP 200", "handles using the share: 2",
          "closing it now: refused", "handles using the share after detaching: 0"),
          lines.subList(0, 4), r.out);
      assertTrue(lines.get(4).matches("connections: first handle opened 1 \\((?:client port )?"
          + "(\\d+)\\), second opened 0 \\((?:client port )?\\1\\)"), r.out);
      assertEquals(5, lines.size(), r.out);
    }
  }

  @Test
  void urlApiTourParsesChangesAndFetches() throws Exception {
    Run r = run("topics.UrlApiTour");
    r.assertExit(0);
    String hostPort = "127.0.0.1:" + r.out.replaceAll("(?s).*\nport: +(\\d+)\n.*", "$1");
    assertEquals("url:      http://" + hostPort + "/dir/index.html?lang=en#intro\n"
        + "scheme:   http\nhost:     127.0.0.1\nport:     " + hostPort.substring(10) + "\n"
        + "path:     /dir/index.html\nquery:    lang=en\nfragment: intro\n"
        + "appended: http://" + hostPort + "/dir/index.html?lang=en&q=fish+%26+chips\n"
        + "decoded:  lang=en&q=fish & chips\n"
        + "relative: http://" + hostPort + "/images/logo.png?size=small\n"
        + "refused:  MALFORMED_INPUT (setting URL: MALFORMED_INPUT (3): Malformed input to a "
        + "URL function)\n"
        + "no scheme, DEFAULT_SCHEME: https://curl.se/docs\n"
        + "fetched:  HTTP 200, " + page().length() + " bytes\n", r.out);

    Run jetty = run("topics.UrlApiTour", jetty("/x/../hello"));
    jetty.assertExit(0);
    assertTrue(jetty.lines().containsAll(List.of("path:     /hello",
        "query:    (none: NO_QUERY)", "fragment: (none: NO_FRAGMENT)",
        "appended: " + jetty("/hello?q=fish+%26+chips"), "fetched:  HTTP 200, 5 bytes")),
        jetty.out);
  }

  @Test
  void versionCheckReportsTheBundledLibcurl() throws Exception {
    Run r = run("topics.VersionCheck");
    r.assertExit(0);
    List<String> lines = r.lines();
    assertTrue(lines.get(0).startsWith("curl_version(): libcurl/8.21.0 OpenSSL/"), r.out);
    assertTrue(lines.get(1).startsWith("libcurl 8.21.0 (0x081500) for "), r.out);
    assertTrue(lines.containsAll(List.of("at least 8.8.0: yes", "HTTP/3: no",
        "threaded resolver (AsynchDNS): yes", "https: yes, ws: yes, scp: no",
        "CURLOPT_WS_OPTIONS known: yes, CURLOPT_SSH_KEYFUNCTION settable: no",
        "fetched with V1_1: HTTP 200")), r.out);
    assertTrue(lines.stream().anyMatch(l -> l.matches("HTTP/2: yes \\(nghttp2 1\\.\\d+\\.\\d+\\)")),
        r.out);
    assertTrue(lines.stream().anyMatch(l -> l.matches("compression: zlib [\\d.]+, brotli/[\\d.]+"
        + ", zstd/[\\d.]+")), r.out);

    Run tls = runWith(trustTestCa, "topics.VersionCheck", TestServer.get().tlsUrl("/hello"));
    tls.assertExit(0);
    assertTrue(tls.out.endsWith("\nfetched with V2_0: HTTP 200\n"), tls.out);
  }

  @Test
  void globalInitNeedsNoCallAndCountsRawOnes() throws Exception {
    String expected = "first use, no init call: libcurl/8.21.0\ncurl_global_init: CURLE_OK\n"
        + "curl_global_init again: CURLE_OK\n"
        + "after three cleanups, transfers still work: HTTP 200\n";
    Run r = run("topics.GlobalInit");
    r.assertExit(0);
    assertEquals(expected, r.out);
    Run jetty = run("topics.GlobalInit", jetty("/hello"));
    jetty.assertExit(0);
    assertEquals(expected, jetty.out);
    Run refused = run("topics.GlobalInit", "http://127.0.0.1:1/");
    refused.assertExit(1);
  }

  @Test
  void multiThreadedUsesOneHandlePerThread() throws Exception {
    Run r = run("topics.MultiThreaded");
    r.assertExit(0);
    String base = r.out.replaceAll("(?s).*?(http://127\\.0\\.0\\.1:\\d+)/.*", "$1");
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      expected.append("thread ").append(i).append(": ").append(base).append("/square?n=")
          .append(i + 1).append(" -> HTTP 200, ").append((i + 1) * (i + 1)).append('\n');
    }
    expected.append("TLS sessions in the share: 0\n"
        + "second thread: IllegalStateException while the worker performs\n");
    assertEquals(expected.toString(), r.out);

    // over TLS the threads leave their sessions in the share
    String tls = TestServer.get().tlsUrl("/hello");
    Run jetty = runWith(trustTestCa, "topics.MultiThreaded", tls, tls, tls);
    jetty.assertExit(0);
    List<String> lines = jetty.lines();
    for (int i = 0; i < 3; i++) {
      assertEquals("thread " + i + ": " + tls + " -> HTTP 200, hello", lines.get(i), jetty.out);
    }
    assertTrue(lines.get(3).matches("TLS sessions in the share: [1-9]\\d*"), jetty.out);
    assertEquals("second thread: IllegalStateException while the worker performs",
        lines.get(4));
  }

  @Test
  void webSocketEchoTalksToBothEchoServers() throws Exception {
    String exchange = "connected: HTTP 101\ntext echo: hello, echo\n"
        + "binary echo: 100000 bytes, identical\npong: are you there\n";
    Run r = run("topics.WebSocketEcho");
    r.assertExit(0);
    assertEquals(exchange + "server closed: 1000 done\n", r.out);
    Run jetty = run("topics.WebSocketEcho", "ws://127.0.0.1:" + TestServer.get().port() + "/ws");
    jetty.assertExit(0);
    assertTrue(jetty.out.startsWith(exchange), jetty.out);
    assertTrue(jetty.out.matches("(?s).*\nserver closed: 1000 .*\n"), jetty.out);
    Run notWs = run("topics.WebSocketEcho", url("/hello").replace("http:", "ws:"));
    notWs.assertExit(1);
    assertTrue(notWs.err.startsWith("WebSocket failed: "), notWs.err);
  }

  @Test
  void mimeUploadSendsThreeParts() throws Exception {
    Run r = run("topics.MimeUpload");
    r.assertExit(0);
    List<String> lines = r.lines();
    assertEquals("HTTP 200, the server received:", lines.get(0));
    assertEquals("part name=title filename=- type=- bytes=16 starts=\"Quarterly report\"",
        lines.get(1));
    assertTrue(lines.get(2).matches("part name=report filename=curlew-report\\d+\\.txt "
        + "type=text/plain bytes=18 starts=\"line one\\.line two\\.\""), r.out);
    assertEquals("part name=logo filename=logo.png type=image/png bytes=8 starts=\".PNG....\"",
        lines.get(3));
    assertEquals(4, lines.size(), r.out);

    Run jetty = run("topics.MimeUpload", jetty("/echo"));
    jetty.assertExit(0);
    assertTrue(jetty.out.contains("\nmethod=POST\n"), jetty.out);
    assertTrue(jetty.out.contains("\nContent-Type: multipart/form-data; boundary="), jetty.out);
    for (String s : List.of("name=\"title\"\r\n\r\nQuarterly report\r\n",
        "filename=\"logo.png\"\r\nContent-Type: image/png\r\n",
        "Content-Type: text/plain\r\n\r\nline one\nline two\n\r\n")) {
      assertTrue(jetty.out.contains(s), s + " in\n" + jetty.out);
    }
  }

  // --- every example is run --------------------------------------------------------------

  /**
   * examples/ holds at least 25 programs, and each is run by a test: its class name appears
   * as the program argument of a run in one of the example test classes (the first string
   * argument of run and runWith here; of java, javaWithInput and javaIn in RawExamplesTest,
   * which add "examples.raw.").
   * A new example without a test fails this.
   */
  @Test
  void everyExampleProgramIsRunByATest() throws IOException {
    Map<String, Path> programs = ExampleRunner.programs();
    assertTrue(programs.size() >= 25, "example programs: " + programs.keySet());
    assertTrue(programs.keySet().stream().noneMatch(n -> n.startsWith("examples.support.")),
        "support classes are no programs: " + programs.keySet());

    Path tests = ExampleRunner.examplesDir().getParent()
        .resolve("src/test/java/io/curlew/examples");
    Set<String> run = new TreeSet<>();
    Pattern idiomatic = Pattern.compile("\\brun(?:With)?\\((?:\\w+,\\s*)?\"([\\w.]+)\"");
    Pattern raw = Pattern.compile(
        "\\bjava(?:WithInput|In)?\\((?:\\w+,\\s*)?\"(\\w+)\"");
    try (Stream<Path> files = Files.list(tests)) {
      for (Path f : files.filter(p -> p.toString().endsWith("Test.java"))
          .collect(Collectors.toList())) {
        String text = Files.readString(f);
        Matcher m = idiomatic.matcher(text);
        while (m.find()) {
          run.add("examples." + m.group(1));
        }
        m = raw.matcher(text);
        while (m.find()) {
          run.add("examples.raw." + m.group(1));
        }
      }
    }
    Set<String> untested = new TreeSet<>(programs.keySet());
    untested.removeAll(run);
    assertEquals(Set.of(), untested, "example programs no test runs");
    Set<String> unknown = new TreeSet<>(run);
    unknown.removeAll(programs.keySet());
    assertEquals(Set.of(), unknown, "tests run programs that do not exist");
  }

  // --- helpers -------------------------------------------------------------------------------

  private Run run(String example, String... args) throws Exception {
    return runWith(Map.of(), example, args);
  }

  private Run runWith(Map<String, String> env, String example, String... args)
      throws Exception {
    return runner.java(runner.work, "examples." + example, null, env, args);
  }

  private static String jetty(String path) {
    return TestServer.get().url(path);
  }

  private String url(String path) {
    return (String) invoke("url", path);
  }

  private String ftpUrl(String path) {
    return (String) invoke("ftpUrl", path);
  }

  private int port() {
    return Integer.parseInt(url("").replaceAll(".*:", ""));
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
    try {
      return (String) server.getClass().getField("PAGE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOfPrefix(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError(prefix + " not in " + lines);
  }

  private static List<String> finished(String out) {
    return out.lines().filter(l -> l.startsWith("finished: ")).sorted()
        .collect(Collectors.toList());
  }

  /** GetinfoTimings' table: name to microseconds, in the order printed. */
  private static Map<String, Long> timings(String out) {
    Map<String, Long> t = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^(\\w+): +(\\d+)\\.(\\d{6}) s  ").matcher(out);
    while (m.find()) {
      t.put(m.group(1), Long.parseLong(m.group(2)) * 1_000_000 + Long.parseLong(m.group(3)));
    }
    return t;
  }

  private static void assertAscending(Map<String, Long> t, String... names) {
    for (int i = 1; i < names.length; i++) {
      assertTrue(t.get(names[i - 1]) <= t.get(names[i]), names[i - 1] + " <= " + names[i]
          + ": " + t);
    }
  }
}
