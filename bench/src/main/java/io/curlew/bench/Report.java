package io.curlew.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw result file (ENV, LOAD, RESULT and FAIL lines from bench/run.sh) into the
 * markdown report: per workload, C libcurl multi_socket = 1.00 and every client as a ratio.
 */
public final class Report {

  record Run(double wall, double cpu, long n, long bytes, long errors, long rssBefore, long hwm,
      double jit, double gc) {
  }

  static final class Cell {
    final String workload;
    final String client;
    final List<Run> runs = new ArrayList<>();
    String failure;
    final List<String> loads = new ArrayList<>();

    Cell(String workload, String client) {
      this.workload = workload;
      this.client = client;
    }

    double throughput(Run r) { // requests/s, or MB/s for W3
      return workload.startsWith("W3") ? r.bytes / r.wall / 1e6 : r.n / r.wall;
    }

    double cpuUnit(Run r) { // µs per request, or CPU-s per GiB for W3
      return workload.startsWith("W3") ? r.cpu / (r.bytes / (double) (1L << 30))
          : r.cpu / r.n * 1e6;
    }

    double jitGcUnit(Run r) { // the JIT's and GC's share of cpuUnit
      return cpuUnit(r) * ((r.jit + r.gc) / Math.max(r.cpu, 1e-9));
    }

    double rssPerTransfer(Run r) { // KiB
      return (r.hwm - r.rssBefore) / (double) r.n;
    }

    double median(java.util.function.ToDoubleFunction<Run> f) {
      double[] v = runs.stream().mapToDouble(f).sorted().toArray();
      int m = v.length / 2;
      return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    double min(java.util.function.ToDoubleFunction<Run> f) {
      return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    double max(java.util.function.ToDoubleFunction<Run> f) {
      return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    long errors() {
      return runs.stream().mapToLong(Run::errors).sum();
    }
  }

  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[-0-9.eE]+)");

  public static void main(String[] args) throws Exception {
    List<String> env = new ArrayList<>();
    Map<String, Map<String, Cell>> byWorkload = new LinkedHashMap<>();
    for (int fi = 0; fi < args.length; fi++) {
      // a later file replaces the workloads it has (a supplementary run)
      Map<String, Map<String, Cell>> mine = new LinkedHashMap<>();
      List<String> lines = Files.readAllLines(Path.of(args[fi]));
      if (fi > 0) {
        env.add("");
        env.add("**Supplementary run " + Path.of(args[fi]).getFileName()
            + "** (its workloads replace those of the run above):");
      }
      for (String line : lines) {
        if (line.startsWith("LOAD ") || line.startsWith("RESULT ") || line.startsWith("FAIL ")) {
          String wl = line.startsWith("RESULT ") ? field(line, "workload") : line.split(" ")[1];
          if (!mine.containsKey(wl)) {
            mine.put(wl, new LinkedHashMap<>());
            byWorkload.put(wl, mine.get(wl)); // a replaced workload keeps its place
          }
        }
      }
      parse(lines, env, byWorkload);
    }
    emit(env, byWorkload);
  }

  private static String field(String line, String name) {
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2).replace("\"", "");
      }
    }
    return "?";
  }

  private static void parse(List<String> lines, List<String> env,
      Map<String, Map<String, Cell>> byWorkload) {
    for (String line : lines) {
      if (line.startsWith("ENV ")) {
        env.add(line.substring(4));
      } else if (line.startsWith("RESULT ")) {
        Map<String, String> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
          f.put(m.group(1), m.group(2).replace("\"", ""));
        }
        cell(byWorkload, f.get("workload"), f.get("client")).runs.add(new Run(
            Double.parseDouble(f.get("wall_s")), Double.parseDouble(f.get("cpu_s")),
            Long.parseLong(f.get("n")), Long.parseLong(f.get("bytes")),
            Long.parseLong(f.get("errors")), Long.parseLong(f.get("rss_before_kb")),
            Long.parseLong(f.get("hwm_kb")),
            Double.parseDouble(f.getOrDefault("jit_cpu_s", "NaN")),
            Double.parseDouble(f.getOrDefault("gc_cpu_s", "NaN"))));
      } else if (line.startsWith("FAIL ")) {
        String[] p = line.split(" ", 4);
        cell(byWorkload, p[1], p[2]).failure = p.length > 3 ? p[3] : "failed";
      } else if (line.startsWith("LOAD ")) {
        String[] p = line.split(" ", 4);
        cell(byWorkload, p[1], p[2]).loads.add(p[3].split(" ")[0]);
      }
    }
  }

  private static void emit(List<String> env, Map<String, Map<String, Cell>> byWorkload) {
    StringBuilder out = new StringBuilder();
    out.append("# curlew benchmark results\n\n");
    for (String e : env) {
      out.append(e.isEmpty() || e.startsWith("**") ? "" : "- ").append(e).append('\n');
    }
    out.append("\nRatios: C libcurl multi_socket (`c-multi`) = 1.00 in each workload. "
        + "Throughput ratio > 1 is faster than C; CPU ratio < 1 is cheaper than C. "
        + "Values are medians over the runs, with (min–max). CPU is the client process's "
        + "user+system time (all threads) during the measured iteration; \"of which JIT+GC\" "
        + "is the part the JVM's compiler and garbage-collector threads spent in it; "
        + "peak RSS is the process's VmHWM during it.\n");
    for (var e : byWorkload.entrySet()) {
      String wl = e.getKey();
      Map<String, Cell> cells = e.getValue();
      Cell base = cells.get("c-multi");
      out.append("\n### ").append(wl).append(" — ").append(describe(wl)).append("\n\n");
      if (wl.startsWith("W4")) {
        w4(out, cells, base);
      } else {
        table(out, wl, cells, base);
      }
    }
    System.out.print(out);
  }

  private static void table(StringBuilder out, String wl, Map<String, Cell> cells, Cell base) {
    boolean bulk = wl.startsWith("W3");
    String thr = bulk ? "MB/s" : "req/s";
    String cpu = bulk ? "CPU s/GiB" : "CPU µs/req";
    out.append("| client | runs | ").append(thr).append(" | ×C | ").append(cpu)
        .append(" | ×C | of which JIT+GC | peak RSS MiB | errors | load |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    double bt = base == null || base.runs.isEmpty() ? Double.NaN : base.median(base::throughput);
    double bc = base == null || base.runs.isEmpty() ? Double.NaN : base.median(base::cpuUnit);
    for (Cell c : cells.values()) {
      if (c.runs.isEmpty()) {
        out.append("| ").append(c.client).append(" | 0 | failed: ")
            .append(c.failure == null ? "no result" : c.failure.replace("|", "/"))
            .append(" | | | | | | | |\n");
        continue;
      }
      double t = c.median(c::throughput);
      double u = c.median(c::cpuUnit);
      out.append(String.format(Locale.ROOT,
          "| %s | %d | %s (%s–%s) | %.2f | %s (%s–%s) | %.2f | %s | %.0f | %d | %s |%n",
          c.client, c.runs.size(), num(t), num(c.min(c::throughput)), num(c.max(c::throughput)),
          t / bt, num(u), num(c.min(c::cpuUnit)), num(c.max(c::cpuUnit)), u / bc,
          c.client.startsWith("c-") ? "–" : num(c.median(c::jitGcUnit)),
          c.median(r -> r.hwm) / 1024.0, c.errors(), String.join(",", c.loads)));
    }
  }

  private static void w4(StringBuilder out, Map<String, Cell> cells, Cell base) {
    out.append("| client | runs | wall s | ×C | CPU µs/transfer | ×C "
        + "| RSS KiB/transfer | ×C | peak RSS MiB | errors |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|\n");
    boolean ok = base != null && !base.runs.isEmpty();
    double bw = ok ? base.median(Run::wall) : Double.NaN;
    double bc = ok ? base.median(base::cpuUnit) : Double.NaN;
    double br = ok ? base.median(base::rssPerTransfer) : Double.NaN;
    for (Cell c : cells.values()) {
      if (c.runs.isEmpty()) {
        out.append("| ").append(c.client).append(" | 0 | failed: ")
            .append(c.failure == null ? "no result" : c.failure.replace("|", "/"))
            .append(" | | | | | | | |\n");
        continue;
      }
      double w = c.median(Run::wall);
      double u = c.median(c::cpuUnit);
      double r = c.median(c::rssPerTransfer);
      out.append(String.format(Locale.ROOT,
          "| %s | %d | %s (%s–%s) | %.2f | %s (%s–%s) | %.2f | %s (%s–%s) | %.2f | %.0f | %d |%n",
          c.client, c.runs.size(), num(w), num(c.min(Run::wall)), num(c.max(Run::wall)), w / bw,
          num(u), num(c.min(c::cpuUnit)), num(c.max(c::cpuUnit)), u / bc,
          num(r), num(c.min(c::rssPerTransfer)), num(c.max(c::rssPerTransfer)), r / br,
          c.median(x -> x.hwm) / 1024.0, c.errors()));
    }
  }

  private static String describe(String wl) {
    if (wl.equals("W1")) {
      return "sequential 1 KiB GETs on one HTTP/1.1 connection";
    }
    if (wl.startsWith("W2-h1")) {
      return "1 KiB GETs, " + wl.substring(wl.indexOf('k') + 1) + " in flight, HTTP/1.1";
    }
    if (wl.startsWith("W2-h2")) {
      return "1 KiB GETs, " + wl.substring(wl.lastIndexOf('k') + 1)
          + " in flight, HTTP/2 over TLS (multiplexed)";
    }
    if (wl.startsWith("W3")) {
      return "100 MiB downloads to a discarding sink, one at a time, HTTP/1.1";
    }
    if (wl.startsWith("W4")) {
      return wl.substring(wl.indexOf('k') + 1) + " concurrent long-polls held by the server, "
          + "one process per run; RSS/transfer = (peak RSS − RSS before) / transfers";
    }
    return "";
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static Cell cell(Map<String, Map<String, Cell>> m, String wl, String cl) {
    return m.computeIfAbsent(wl, k -> new LinkedHashMap<>())
        .computeIfAbsent(cl, k -> new Cell(wl, cl));
  }

  private Report() {
  }
}
