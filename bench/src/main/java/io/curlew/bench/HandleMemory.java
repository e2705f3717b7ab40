package io.curlew.bench;

import io.curlew.CurlEasy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one idle {@link CurlEasy} costs: RSS and live Java heap per handle for N handles
 * (the C counterpart is bench/c/handles.c). Not part of run.sh; see bench/README.md.
 *
 * <pre>java -cp ... io.curlew.bench.HandleMemory 10000</pre>
 */
public final class HandleMemory {

  private static long kb(String key) throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith(key + ":")) {
        return Long.parseLong(l.split("\\s+")[1]);
      }
    }
    return -1;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    new CurlEasy().close(); // load the library and the classes
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heap0 = rt.totalMemory() - rt.freeMemory();
    long rss0 = kb("VmRSS");
    List<CurlEasy> handles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      handles.add(new CurlEasy());
    }
    long rss1 = kb("VmRSS");
    System.gc();
    long heap1 = rt.totalMemory() - rt.freeMemory();
    System.out.printf(Locale.ROOT, "%d CurlEasy handles: RSS +%.2f KiB per handle, of which live"
        + " Java heap %.2f KiB%n", n, (rss1 - rss0) / (double) n, (heap1 - heap0) / 1024.0 / n);
    handles.forEach(CurlEasy::close);
  }

  private HandleMemory() {
  }
}
