package io.curlew.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of the *-types.txt files: for some option or info names, the Java
 * kind of value (bool, millis, enum, callback, ...) and its argument.
 */
final class TypeOverlay {

  /** The kind and argument (enum spec, interface name, reason) of one name. */
  record Entry(String kind, String argument) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final String file;

  TypeOverlay(String resource) throws IOException {
    this.file = resource;
    try (InputStream in = TypeOverlay.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IOException("missing resource " + resource);
      }
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\s+", 3);
        entries.put(f[0], new Entry(f[1], f.length > 2 ? f[2] : null));
      }
    }
  }

  Entry get(String name) {
    return entries.get(name);
  }

  Map<String, Entry> entries() {
    return entries;
  }

  String file() {
    return file;
  }
}
