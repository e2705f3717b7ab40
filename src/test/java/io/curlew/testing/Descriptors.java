package io.curlew.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts this process's file descriptors that belong to the client side: everything but
 * the sockets the in-process test servers hold. A server keeps its end of a connection
 * open after the client closes it, so counting all descriptors would blame the client.
 */
public final class Descriptors {

  private Descriptors() {
  }

  /**
   * @param serverPorts the ports of the in-process servers
   * @return descriptors that are not server-side sockets of those ports
   */
  public static int clientSide(int... serverPorts) {
    Set<String> serverInodes = serverSocketInodes(serverPorts);
    int n = 0;
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            String inode = target.substring(8, target.length() - 1);
            if (serverInodes.contains(inode)) {
              continue;
            }
          }
          n++;
        } catch (IOException gone) {
          // closed while listing
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return n;
  }

  /** Inodes of sockets whose local port is one of the server ports (listening or accepted). */
  private static Set<String> serverSocketInodes(int... ports) {
    Set<String> inodes = new HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length < 10 || !f[1].contains(":")) {
            continue;
          }
          int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
          for (int p : ports) {
            if (p == local) {
              inodes.add(f[9]);
            }
          }
        }
      } catch (IOException | NumberFormatException e) {
        // no IPv6 table, or a header line
      }
    }
    return inodes;
  }
}
