package io.curlew.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One benchmark process: one client, one workload. Runs warm-up rounds, then {@code --iters}
 * measured iterations, and prints one {@code RESULT {...}} line per iteration (the same format
 * as bench/c/cbench.c). CPU is the whole process's (all threads: I/O, GC, JIT), read from
 * /proc/self/stat around the iteration, with the part the JIT compiler and the garbage
 * collector threads spent in it reported apart; peak RSS is VmHWM, reset before each
 * iteration.
 *
 * <pre>
 * java -cp ... io.curlew.bench.Main --client NAME --mode small|bulk --url U --n N --k K
 *     [--iters I] [--warmup W] [--warmup-n N] [--warmup-k K] [--warmup-url U] [--h2]
 *     [--cafile F] [--workload W]
 * </pre>
 */
public final class Main {

  public static void main(String[] args) throws Exception {
    Config c = Config.parse(args);
    try (Driver d = Clients.create(c)) {
      for (int w = 0; w < c.warmup; w++) {
        long wn = c.warmupN >= 0 ? c.warmupN : c.n / 5;
        wn = Math.min(wn, c.n);
        if (wn > 0) {
          d.url = c.warmupUrl;
          d.run(wn, (int) Math.min(c.warmupK > 0 ? c.warmupK : c.k, wn));
        }
      }
      d.url = c.url;
      for (int it = 1; it <= c.iters; it++) {
        d.bytes.set(0);
        d.errors.set(0);
        long rss0 = statusKb("VmRSS");
        resetHwm();
        long[] t0 = threadCpuNanos();
        long w0 = System.nanoTime();
        long c0 = cpuNanos();
        d.run(c.n, c.k);
        long c1 = cpuNanos();
        long w1 = System.nanoTime();
        long[] t1 = threadCpuNanos();
        long hwm = statusKb("VmHWM");
        System.out.printf(Locale.ROOT, "RESULT {\"workload\":\"%s\",\"client\":\"%s\",\"iter\":%d,"
            + "\"wall_s\":%.6f,\"cpu_s\":%.6f,\"n\":%d,\"bytes\":%d,\"errors\":%d,"
            + "\"rss_before_kb\":%d,\"hwm_kb\":%d,\"jit_cpu_s\":%.6f,\"gc_cpu_s\":%.6f}%n",
            c.workload, c.client, it, (w1 - w0) / 1e9, (c1 - c0) / 1e9, c.n, d.bytes.get(),
            d.errors.get(), rss0, hwm, (t1[0] - t0[0]) / 1e9, (t1[1] - t0[1]) / 1e9);
        System.out.flush();
      }
    }
    System.exit(0); // clients' non-daemon threads must not keep the process alive
  }

  private static final long TICK_NS = 10_000_000L; // USER_HZ is 100 on Linux

  /** utime + stime of the whole process, in ns (10 ms resolution). */
  static long cpuNanos() throws IOException {
    String s = Files.readString(Path.of("/proc/self/stat"));
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
    // after "pid (comm) ": state is f[0]; utime is field 14 overall -> f[11], stime f[12]
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NS;
  }

  /**
   * CPU of the JVM's own threads, by /proc/self/task/N/stat: [0] the JIT compiler threads,
   * [1] the garbage collector's (and the VM thread's, which runs its pauses). These threads
   * live as long as the JVM, so the difference over an iteration is what they spent in it.
   */
  static long[] threadCpuNanos() {
    long[] r = new long[2];
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        String s;
        try {
          s = Files.readString(t.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String comm = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        long ns = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NS;
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
          r[0] += ns;
        } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")
            || comm.equals("VM Thread")) {
          r[1] += ns;
        }
      }
    } catch (IOException e) {
      // no per-thread numbers
    }
    return r;
  }

  static long statusKb(String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  static void resetHwm() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException ignored) {
      // older kernels: the peak then covers the whole process
    }
  }

  private Main() {
  }
}
