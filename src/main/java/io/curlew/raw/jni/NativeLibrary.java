package io.curlew.raw.jni;

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
    if (!SUPPORTED.contains(platform) || isMusl()) {
      tried.add("no bundled library exists for this platform");
      throw new CurlewLoadError(message(platform, tried, null));
    }
    try {
      Loader.load(CurlewNative.class);
    } catch (Throwable t) {
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

  private static String message(String platform, List<String> tried, Throwable cause) {
    StringBuilder b = new StringBuilder("curlew: cannot load its native library (lib")
        .append(LIBRARY).append(".so) on platform ").append(platform).append(".\n  tried:");
    for (String t : tried) {
      b.append("\n    - ").append(t);
    }
    if (cause != null) {
      b.append("\n  cause: ").append(cause);
    }
    b.append("\n  supported: ").append(String.join(", ", SUPPORTED))
        .append(" with glibc (see the README's platform table)")
        .append("\n  to use a library you built yourself (see the README's build section), start")
        .append(" the JVM with -D").append(PATH_PROPERTY).append("=/path/to/lib").append(LIBRARY)
        .append(".so");
    return b.toString();
  }
}
