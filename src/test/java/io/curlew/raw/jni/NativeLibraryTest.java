package io.curlew.raw.jni;

import io.curlew.raw.CurlewLoadError;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader's one error on platforms without a bundled library, and its platform naming. */
class NativeLibraryTest {

  @Test
  void unsupportedPlatformsFailWithOneMessageNamingPlatformSupportAndOverride() {
    for (String platform : List.of("macosx-arm64", "macosx-x86_64", "windows-x86_64",
        "linux-ppc64le", "linux-riscv64", "linux-x86_64 (musl libc)")) {
      CurlewLoadError e = assertThrows(CurlewLoadError.class,
          () -> NativeLibrary.requireSupported(platform, List.of("class path resource x (not found)")));
      String m = e.getMessage();
      assertTrue(m.contains("on platform " + platform + "."), m);
      assertTrue(m.contains("no bundled library exists for " + platform), m);
      assertTrue(m.contains("supported: linux-x86_64, linux-arm64, with glibc "
          + NativeLibrary.GLIBC_FLOOR + " or newer"), m);
      assertTrue(m.contains("-Dcurlew.library.path=/path/to/"), m);
    }
    String mac = assertThrows(CurlewLoadError.class,
        () -> NativeLibrary.requireSupported("macosx-arm64", List.of())).getMessage();
    assertTrue(mac.endsWith("-Dcurlew.library.path=/path/to/libjnicurlew.dylib"), mac);
    String win = assertThrows(CurlewLoadError.class,
        () -> NativeLibrary.requireSupported("windows-x86_64", List.of())).getMessage();
    assertTrue(win.endsWith("-Dcurlew.library.path=/path/to/jnicurlew.dll"), win);
  }

  @Test
  void supportedPlatformsPass() {
    for (String platform : NativeLibrary.SUPPORTED) {
      assertDoesNotThrow(() -> NativeLibrary.requireSupported(platform, List.of()));
    }
  }

  @Test
  void tooOldGlibcIsNamedInTheMessage() {
    UnsatisfiedLinkError cause = new UnsatisfiedLinkError(
        "/tmp/libjnicurlew.so: /lib64/libc.so.6: version `GLIBC_2.25' not found");
    String m = NativeLibrary.message("linux-x86_64", List.of("x"), cause);
    assertTrue(m.contains("the library needs GLIBC_2.25, which this system's C library lacks; "
        + "curlew's bundled libraries need glibc " + NativeLibrary.GLIBC_FLOOR + " or newer"), m);
    assertFalse(NativeLibrary.message("linux-x86_64", List.of("x"), new UnsatisfiedLinkError("other"))
        .contains("lacks"));
  }

  @Test
  void platformUsesJavaCppsNaming() {
    String arch = System.getProperty("os.arch");
    String expected = arch.equals("amd64") || arch.equals("x86_64") ? "linux-x86_64"
        : arch.equals("aarch64") ? "linux-arm64" : null;
    if (expected != null && System.getProperty("os.name").equals("Linux")) {
      assertTrue(NativeLibrary.platform().startsWith(expected), NativeLibrary.platform());
    }
  }
}
