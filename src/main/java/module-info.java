/**
 * curlew: libcurl for Java. {@code io.curlew} is the idiomatic API, {@code io.curlew.async}
 * the event-driven engine, {@code io.curlew.raw} libcurl's C API under its C names.
 *
 * <p>On the module path the JVM needs
 * {@code --enable-native-access=org.bytedeco.javacpp,io.curlew} (JDK 22 and later warn
 * without it).
 */
module io.curlew {
  /* CurlBuffer, the raw layer's callback buffer, is a JavaCPP BytePointer */
  requires transitive org.bytedeco.javacpp;
  /* the tour's local server */
  requires jdk.httpserver;

  exports io.curlew;
  exports io.curlew.async;
  exports io.curlew.callback;
  exports io.curlew.raw;
  exports io.curlew.tools;

  /* JavaCPP's loader reads the JNI class's annotations and properties reflectively */
  opens io.curlew.raw.jni to org.bytedeco.javacpp;
}
