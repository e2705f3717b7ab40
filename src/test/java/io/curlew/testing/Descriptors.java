package io.curlew.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts this process's file descriptors of the kinds a libcurl client opens: TCP sockets
 * connected to the in-process test servers, Unix sockets (libcurl's wakeup pairs) and
 * anonymous inodes (epoll, eventfd). Everything else — jar files, pipes to child processes
 * of other tests, the servers' own ends of connections — is left out, so descriptors other
 * tests open or close meanwhile cannot move the count.
 */
public final class Descriptors {

  private Descriptors() {
  }

  /**
   * @param serverPorts the ports of the in-process servers
   * @return client-kind descriptors open now
   */
  public static int clientSide(int... serverPorts) {
    Set<String> clientInodes = new HashSet<>();
    addTcpInodes(serverPorts, clientInodes);
    addUnixInodes(clientInodes);
    int n = 0;
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("anon_inode:")
              || target.startsWith("socket:[")
              && clientInodes.contains(target.substring(8, target.length() - 1))) {
            n++;
          }
        } catch (IOException gone) {
          // closed while listing
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return n;
  }

  /** Inodes of TCP sockets whose remote port is one of the server ports: client ends. */
  private static void addTcpInodes(int[] ports, Set<String> inodes) {
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length < 10 || !f[2].contains(":")) {
            continue;
          }
          int remote = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
          for (int p : ports) {
            if (p == remote) {
              inodes.add(f[9]);
            }
          }
        }
      } catch (IOException | NumberFormatException e) {
        // no IPv6 table, or a header line
      }
    }
  }

  private static void addUnixInodes(Set<String> inodes) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 7 && !f[0].equals("Num")) {
          inodes.add(f[6]);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
