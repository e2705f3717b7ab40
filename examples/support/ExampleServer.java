package examples.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small local server for the example programs, so that each of them runs without a
 * network: HTTP on 127.0.0.1 (JDK {@code com.sun.net.httpserver}), plus a minimal FTP
 * server that accepts uploads (for the multi-app example). Both listen on ports the
 * system picks.
 *
 * <p>HTTP routes:
 * <ul>
 *   <li>{@code /} and any path ending in {@code /index.html}: {@link #PAGE} as text/html</li>
 *   <li>{@code /hello}: {@link #HELLO} as text/plain</li>
 *   <li>{@code /redirect}: a 302 to {@code /}</li>
 *   <li>{@code /post}: the request body back, with the request's Content-Type</li>
 *   <li>{@code /headers}: a short body with a few extra response headers ({@link #HEADERS})</li>
 *   <li>{@code /conn}: the client's port, which tells connections apart</li>
 *   <li>{@code /bytes?size=N}: N bytes of {@link #pattern}</li>
 *   <li>{@code /file_NM.bin}: N MiB of {@link #pattern} (chkspeed.c's test files)</li>
 *   <li>{@code /echo}: the request back as text: method and URI, the request headers sorted
 *       by name (the JDK server writes names as "X-custom"), a blank line, the body</li>
 *   <li>{@code /status/N}: an answer with status N</li>
 *   <li>{@code /delay?ms=N}: "delayed", after holding the request for N ms</li>
 *   <li>{@code /square?n=N}: N*N as text</li>
 *   <li>{@code /form}: one line per part of a multipart/form-data body (name, file name,
 *       type, size and the start of its content)</li>
 * </ul>
 * Anything else is a 404. The FTP server takes USER, PASS, PWD, CWD, TYPE, EPSV, PASV,
 * STOR and QUIT, and keeps what was stored ({@link #ftpUploads()}). A WebSocket server
 * ({@link #wsUrl}) echoes text, binary and close frames and answers pings with pongs.
 */
public final class ExampleServer implements AutoCloseable {

  /** The body of {@code /} and of the {@code index.html} paths. */
  public static final String PAGE = "<html><body><p>curlew example page</p></body></html>\n";
  /** The body of {@code /hello}. */
  public static final String HELLO = "hello from the example server\n";
  /** The extra response headers of {@code /headers}, as name, value pairs in order. */
  public static final String[][] HEADERS = {
      {"X-Example", "first"}, {"X-Example", "second"}, {"Cache-Control", "no-store"}};

  private final HttpServer http;
  private final ExecutorService httpThreads;
  private final ServerSocket ftp;
  private final Thread ftpAcceptor;
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private final ServerSocket ws;

  private ExampleServer() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    http = HttpServer.create(new InetSocketAddress(loopback, 0), 16);
    http.createContext("/", this::handle);
    httpThreads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "example-http");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(httpThreads);
    ftp = new ServerSocket(0, 16, loopback);
    ftpAcceptor = new Thread(this::acceptFtp, "example-ftp");
    ftpAcceptor.setDaemon(true);
    ws = new ServerSocket(0, 16, loopback);
    Thread wsAcceptor = new Thread(() -> accept(ws, this::wsSession), "example-ws");
    wsAcceptor.setDaemon(true);
    http.start();
    ftpAcceptor.start();
    wsAcceptor.start();
  }

  /**
   * Starts a server.
   *
   * @return the running server; {@link #close()} stops it
   * @throws IOException when a port cannot be opened
   */
  public static ExampleServer start() throws IOException {
    return new ExampleServer();
  }

  /**
   * For an example's {@code main}: no server when the command line names a URL, else a new
   * one.
   *
   * @param args the example's arguments
   * @return null when {@code args} is not empty, else a started server
   * @throws IOException when a port cannot be opened
   */
  public static ExampleServer unlessUrlGiven(String[] args) throws IOException {
    return args.length > 0 ? null : start();
  }

  /** @param path a path starting with / @return its http://127.0.0.1 URL on this server */
  public String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  /** @param path a path starting with / @return its ftp://127.0.0.1 URL on this server */
  public String ftpUrl(String path) {
    return "ftp://127.0.0.1:" + ftp.getLocalPort() + path;
  }

  /** @param path a path starting with / @return its ws://127.0.0.1 URL on this server */
  public String wsUrl(String path) {
    return "ws://127.0.0.1:" + ws.getLocalPort() + path;
  }

  /** @return what FTP clients stored so far, by the name given to STOR */
  public Map<String, byte[]> ftpUploads() {
    return Map.copyOf(uploads);
  }

  /** The byte at position i of a {@code /bytes} body. @param i position @return byte */
  public static byte pattern(long i) {
    return (byte) ('a' + i % 26);
  }

  @Override
  public void close() {
    http.stop(0);
    httpThreads.shutdownNow();
    try {
      ftp.close();
      ws.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- HTTP ------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String query = ex.getRequestURI().getRawQuery();
      byte[] request = ex.getRequestBody().readAllBytes();
      Headers out = ex.getResponseHeaders();
      if (path.equals("/") || path.endsWith("/index.html")) {
        send(ex, 200, "text/html; charset=UTF-8", PAGE.getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/hello")) {
        send(ex, 200, "text/plain", HELLO.getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/redirect")) {
        out.add("Location", "/");
        send(ex, 302, "text/plain", "see /\n".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/post")) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        send(ex, 200, type == null ? "application/octet-stream" : type, request);
      } else if (path.equals("/headers")) {
        for (String[] h : HEADERS) {
          out.add(h[0], h[1]);
        }
        send(ex, 200, "text/plain", "headers\n".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/conn")) {
        String port = "client port " + ex.getRemoteAddress().getPort() + "\n";
        send(ex, 200, "text/plain", port.getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/bytes") && query != null && query.startsWith("size=")) {
        int size = Integer.parseInt(query.substring(5));
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
          body[i] = pattern(i);
        }
        send(ex, 200, "application/octet-stream", body);
      } else if (path.matches("/file_\\d{1,3}M\\.bin")) {
        long size = Long.parseLong(path.substring(6, path.length() - 5)) << 20;
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, size);
        try (OutputStream os = ex.getResponseBody()) {
          byte[] block = new byte[26 * 2048]; // a whole number of pattern periods
          for (int i = 0; i < block.length; i++) {
            block[i] = pattern(i);
          }
          for (long sent = 0; sent < size; sent += block.length) {
            os.write(block, 0, (int) Math.min(block.length, size - sent));
          }
        }
      } else if (path.equals("/echo")) {
        StringBuilder b = new StringBuilder(ex.getRequestMethod() + " " + ex.getRequestURI()
            + "\n");
        new TreeMap<>(ex.getRequestHeaders()).forEach((name, values) -> values.forEach(
            v -> b.append(name).append(": ").append(v).append('\n')));
        b.append('\n').append(new String(request, StandardCharsets.ISO_8859_1));
        send(ex, 200, "text/plain", b.toString().getBytes(StandardCharsets.ISO_8859_1));
      } else if (path.matches("/status/\\d{3}")) {
        send(ex, Integer.parseInt(path.substring(8)), "text/plain",
            ("status " + path.substring(8) + "\n").getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/delay") && query != null && query.startsWith("ms=")) {
        try {
          Thread.sleep(Long.parseLong(query.substring(3)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the server is stopping
          return;
        }
        send(ex, 200, "text/plain", "delayed\n".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/square") && query != null && query.startsWith("n=")) {
        long n = Long.parseLong(query.substring(2));
        send(ex, 200, "text/plain", String.valueOf(n * n).getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/form")) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        send(ex, 200, "text/plain", describeForm(type, request)
            .getBytes(StandardCharsets.UTF_8));
      } else {
        send(ex, 404, "text/plain", "no such page\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    // a length of -1 tells the JDK server there is no body; 0 would mean chunked
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    }
  }

  /** One line per part of a multipart/form-data body. */
  private static String describeForm(String type, byte[] body) {
    Matcher m = type == null ? null
        : Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
    if (m == null || !m.find()) {
      return "not multipart/form-data: " + type + "\n";
    }
    String all = new String(body, StandardCharsets.ISO_8859_1);
    StringBuilder b = new StringBuilder();
    for (String part : all.split(Pattern.quote("--" + m.group(1)))) {
      int end = part.indexOf("\r\n\r\n");
      if (!part.startsWith("\r\n") || end < 0) {
        continue; // the preamble and what follows the closing boundary
      }
      String head = part.substring(2, end);
      String content = part.substring(end + 4, part.length() - 2); // CRLF before the boundary
      b.append("part name=").append(param(head, "name"))
          .append(" filename=").append(param(head, "filename"))
          .append(" type=").append(headerValue(head, "Content-Type"))
          .append(" bytes=").append(content.length());
      String start = content.substring(0, Math.min(24, content.length()))
          .replaceAll("[^\\x20-\\x7e]", ".");
      b.append(" starts=\"").append(start).append("\"\n");
    }
    return b.toString();
  }

  private static String param(String head, String name) {
    Matcher m = Pattern.compile("; " + name + "=\"([^\"]*)\"").matcher(head);
    return m.find() ? m.group(1) : "-";
  }

  private static String headerValue(String head, String name) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return "-";
  }

  // --- WebSocket -----------------------------------------------------------------------

  private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** The RFC 6455 upgrade, then frames echoed until the client closes. */
  private void wsSession(Socket s) {
    try (s) {
      s.setSoTimeout(30_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      String key = null;
      for (String line; !(line = readLine(in)).isEmpty(); ) {
        if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
          key = line.substring(18).trim();
        }
      }
      if (key == null) {
        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        return;
      }
      String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
          .digest((key + WS_GUID).getBytes(StandardCharsets.ISO_8859_1)));
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      DataInputStream frames = new DataInputStream(in);
      while (true) {
        int b0 = frames.read();
        if (b0 < 0) {
          return;
        }
        int b1 = frames.readUnsignedByte();
        int opcode = b0 & 0x0f;
        long len = b1 & 0x7f;
        if (len == 126) {
          len = frames.readUnsignedShort();
        } else if (len == 127) {
          len = frames.readLong();
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) {
          frames.readFully(mask);
        }
        byte[] payload = new byte[Math.toIntExact(len)];
        frames.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        if (opcode == 0xA) {
          continue; // a pong needs no answer
        }
        // a ping is answered with a pong; data, continuation and close frames are echoed
        writeFrame(out, (b0 & 0x80) | (opcode == 0x9 ? 0xA : opcode), payload);
        if (opcode == 0x8) {
          return;
        }
      }
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      // the client went away: nothing to do for an example server
    }
  }

  private static void writeFrame(OutputStream out, int b0, byte[] payload) throws IOException {
    out.write(b0);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >> (8 * i)) & 0xff);
      }
    }
    out.write(payload);
    out.flush();
  }

  /** A CRLF-terminated line, read byte by byte so nothing after it is consumed. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) {
        throw new java.io.EOFException();
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  // --- FTP -------------------------------------------------------------------------

  private void acceptFtp() {
    accept(ftp, this::ftpSession);
  }

  private static void accept(ServerSocket server, java.util.function.Consumer<Socket> session) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> session.accept(s), "example-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void ftpSession(Socket control) {
    ServerSocket passive = null;
    try (control) {
      control.setSoTimeout(30_000);
      BufferedReader in = new BufferedReader(new InputStreamReader(control.getInputStream(),
          StandardCharsets.ISO_8859_1));
      Writer out = new OutputStreamWriter(control.getOutputStream(),
          StandardCharsets.ISO_8859_1);
      reply(out, "220 example FTP server");
      for (String line; (line = in.readLine()) != null; ) {
        int sp = line.indexOf(' ');
        String cmd = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(java.util.Locale.ROOT);
        String arg = sp < 0 ? "" : line.substring(sp + 1);
        switch (cmd) {
          case "USER" -> reply(out, "331 any password will do");
          case "PASS" -> reply(out, "230 logged in");
          case "PWD" -> reply(out, "257 \"/\" is the directory");
          case "CWD" -> reply(out, "250 directory changed");
          case "TYPE" -> reply(out, "200 type set");
          case "EPSV", "PASV" -> {
            if (passive != null) {
              passive.close();
            }
            passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            passive.setSoTimeout(30_000);
            int p = passive.getLocalPort();
            reply(out, cmd.equals("EPSV") ? "229 Entering Extended Passive Mode (|||" + p + "|)"
                : "227 Entering Passive Mode (127,0,0,1," + (p >> 8) + "," + (p & 255) + ")");
          }
          case "STOR" -> {
            if (passive == null) {
              reply(out, "425 use EPSV or PASV first");
              break;
            }
            reply(out, "150 send the data");
            byte[] data;
            try (Socket d = passive.accept(); InputStream din = d.getInputStream()) {
              data = din.readAllBytes();
            }
            passive.close();
            passive = null;
            uploads.put(arg, data);
            reply(out, "226 stored " + data.length + " bytes");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented here");
        }
      }
    } catch (IOException e) {
      // the client went away: nothing to do for an example server
    } finally {
      if (passive != null) {
        try {
          passive.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }
}
