package io.curlew.raw.jni;

import io.curlew.raw.CurlewLoadError;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads {@code libjnicurlew.so}: from the system property {@code curlew.library.path} when
 * it is set (a library built by hand), otherwise through JavaCPP's loader from the jar of
 * the running platform. Any failure becomes one {@link CurlewLoadError} that names the
 * platform, every place that was tried, what is supported and how to supply a library.
 */
public final class NativeLibrary {

  /** The system property naming a self-built library file to load instead. */
  public static final String PATH_PROPERTY = "curlew.library.path";

  /** Platforms whose library curlew's jars can carry. */
  public static final List<String> SUPPORTED = List.of("linux-x86_64", "linux-arm64");

  /**
   * The oldest glibc the bundled libraries load on: the newest GLIBC_ symbol version they
   * need, which the release build checks (cmake/release/build-release-natives.sh).
   */
  public static final String GLIBC_FLOOR = "2.25";

  private static final String LIBRARY = "jnicurlew";

  private NativeLibrary() {
  }

  static void load() {
    String explicit = System.getProperty(PATH_PROPERTY);
    if (explicit != null && !explicit.isEmpty()) {
      loadExplicit(explicit);
    } else {
      loadBundled();
    }
    if (CurlewNative.curlew_jni_register(CurlewNative.class) != 1) {
      throw new CurlewLoadError("curlew: the native library loaded but its upcall classes "
          + "could not be bound; is the library from the same curlew version as the classes?");
    }
  }

  private static void loadExplicit(String file) {
    try {
      System.load(new File(file).getAbsolutePath());
    } catch (Throwable t) {
      throw new CurlewLoadError(message(platform(),
          List.of(PATH_PROPERTY + "=" + file + (new File(file).isFile() ? "" : " (no such file)")),
          t), t);
    }
  }

  private static void loadBundled() {
    String platform = platform();
    List<String> tried = new ArrayList<>();
    String resource = "io/curlew/raw/jni/" + platform + "/lib" + LIBRARY + ".so";
    URL url = NativeLibrary.class.getClassLoader() == null ? null
        : NativeLibrary.class.getClassLoader().getResource(resource);
    tried.add("class path resource " + resource + (url == null ? " (not found)" : " (" + url + ")"));
    requireSupported(platform, tried);
    try {
      Loader.load(CurlewNative.class);
    } catch (Throwable t) {
      if (url == null) {
        tried.add("no natives jar for " + platform + " on the class path: add curlew-<version>-"
            + platform + ".jar next to curlew-<version>.jar, or use the drop-in jar "
            + "curlew-<version>-all.jar, which carries " + String.join(" and ", SUPPORTED));
      }
      try {
        tried.add("JavaCPP cache directory " + Loader.getCacheDir());
      } catch (Throwable ignored) {
        tried.add("JavaCPP cache directory (unavailable: " + ignored + ")");
      }
      tried.add("java.library.path " + System.getProperty("java.library.path"));
      throw new CurlewLoadError(message(platform, tried, t), t);
    }
  }

  /**
   * Fails with the one clear error for a platform no curlew jar carries a library for (other
   * operating systems and CPUs, and musl-based Linux such as Alpine).
   *
   * @param platform the platform as {@link #platform()} names it
   * @param tried what was looked for so far, for the message
   * @throws CurlewLoadError when the platform is not supported
   */
  static void requireSupported(String platform, List<String> tried) {
    if (!SUPPORTED.contains(platform)) {
      List<String> all = new ArrayList<>(tried);
      all.add("no bundled library exists for " + platform);
      throw new CurlewLoadError(message(platform, all, null));
    }
  }

  /**
   * @return the running platform in JavaCPP's naming (such as linux-x86_64), with musl told
   *     apart from glibc
   */
  public static String platform() {
    String p;
    try {
      p = Loader.getPlatform();
    } catch (Throwable t) {
      p = System.getProperty("os.name", "?").toLowerCase(Locale.ROOT) + "-"
          + System.getProperty("os.arch", "?");
    }
    return p.startsWith("linux") && isMusl() ? p + " (musl libc)" : p;
  }

  private static boolean isMusl() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return false;
    }
    for (String dir : List.of("/lib", "/usr/lib")) {
      File[] files = new File(dir).listFiles((d, n) -> n.startsWith("ld-musl-"));
      if (files != null && files.length > 0 && !Files.exists(Path.of("/lib64/ld-linux-x86-64.so.2"))
          && !Files.exists(Path.of("/lib/ld-linux-aarch64.so.1"))) {
        return true;
      }
    }
    return false;
  }

  static String message(String platform, List<String> tried, Throwable cause) {
    StringBuilder b = new StringBuilder("curlew: cannot load its native library (lib")
        .append(LIBRARY).append(".so) on platform ").append(platform).append(".\n  tried:");
    for (String t : tried) {
      b.append("\n    - ").append(t);
    }
    if (cause != null) {
      b.append("\n  cause: ").append(cause);
      java.util.regex.Matcher glibc = java.util.regex.Pattern
          .compile("GLIBC_([0-9.]+)'? not found").matcher(String.valueOf(cause.getMessage()));
      if (glibc.find()) {
        b.append("\n  the library needs GLIBC_").append(glibc.group(1))
            .append(", which this system's C library lacks; curlew's bundled libraries need glibc ")
            .append(GLIBC_FLOOR).append(" or newer");
      }
    }
    b.append("\n  supported: ").append(String.join(", ", SUPPORTED))
        .append(", with glibc ").append(GLIBC_FLOOR).append(" or newer (docs/platforms.md)")
        .append("\n  to use a library you built yourself (docs/platforms.md), start the JVM with -D")
        .append(PATH_PROPERTY).append("=/path/to/").append(selfBuiltName(platform));
    return b.toString();
  }

  /** The file name a self-built library has on the platform's operating system. */
  private static String selfBuiltName(String platform) {
    if (platform.startsWith("windows")) {
      return LIBRARY + ".dll";
    }
    return "lib" + LIBRARY + (platform.startsWith("macosx") ? ".dylib" : ".so");
  }
}
