package io.curlew.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw-socket HTTP server that misbehaves on purpose, for the error paths: the request
 * path picks the fault. {@code /truncated}: a body shorter than its Content-Length;
 * {@code /reset}: a connection reset in the middle of the body; {@code /malformed}: a
 * status line that is not HTTP; {@code /stall}: headers, then silence; {@code /nothing}:
 * the connection closes without a byte; {@code /ok}: a correct response.
 */
public final class FaultServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread acceptor;

  public FaultServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(this::acceptLoop, "fault-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        Thread t = new Thread(() -> serve(s), "fault-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static String readRequestHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      b.write(c);
      state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1
          || state == 3)) ? state + 1 : 0;
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      String head = readRequestHead(in);
      String path = head.split(" ").length > 1 ? head.split(" ")[1] : "/";
      byte[] body = new byte[100];
      switch (path) {
        case "/truncated" -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(
              StandardCharsets.ISO_8859_1));
          out.write(body);
          out.flush();
        }
        case "/reset" -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(
              StandardCharsets.ISO_8859_1));
          out.write(body);
          out.flush();
          s.setSoLinger(true, 0); // close with RST
        }
        case "/malformed" -> {
          out.write("HTTQ/9.9 two hundred\r\nnonsense\r\n\r\n".getBytes(
              StandardCharsets.ISO_8859_1));
          out.flush();
        }
        case "/stall" -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(
              StandardCharsets.ISO_8859_1));
          out.flush();
          // wait until the client gives up and closes
          while (in.read() >= 0) {
            // discard
          }
        }
        case "/nothing" -> {
          // close without answering
        }
        default -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(
              StandardCharsets.ISO_8859_1));
          out.flush();
        }
      }
    } catch (IOException ignored) {
      // the client went away: nothing to do
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
