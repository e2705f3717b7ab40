package io.curlew.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the C compiler and the programs it builds, capturing their output. */
final class Toolchain {

  /** A command that failed, with what it printed. */
  static final class CommandFailed extends IOException {
    private static final long serialVersionUID = 1L;
    final String output;

    CommandFailed(List<String> command, String output) {
      super("command failed: " + String.join(" ", command) + "\n" + output);
      this.output = output;
    }
  }

  private final String cc;

  Toolchain(String cc) {
    this.cc = cc;
  }

  /** Runs the compiler with the arguments; returns its standard output. */
  String run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(cc);
    command.addAll(args);
    return exec(command);
  }

  /** Runs any command; returns its standard output, or throws with stderr. */
  static String exec(List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(false);
    Process p = pb.start();
    byte[] err;
    byte[] out;
    try (var stdout = p.getInputStream(); var stderr = p.getErrorStream()) {
      // read stderr fully in a helper thread so neither pipe can fill up
      var errBytes = new java.util.concurrent.atomic.AtomicReference<byte[]>(new byte[0]);
      Thread errReader = new Thread(() -> {
        try {
          errBytes.set(stderr.readAllBytes());
        } catch (IOException e) {
          errBytes.set(e.toString().getBytes(StandardCharsets.UTF_8));
        }
      });
      errReader.start();
      out = stdout.readAllBytes();
      errReader.join();
      err = errBytes.get();
      if (p.waitFor() != 0) {
        throw new CommandFailed(command, new String(err, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
