package io.curlew.libtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Java ports of curl's libtest programs, with the curl test numbers that run each one
 * (the {@code <tool>} of tests/data/testNNN). {@link CurlTestSuiteTest} checks the numbers
 * against the test data, so this table is where an upstream update shows up.
 */
public final class Ports {

  /** One ported libNNN.c and the tests that use it. */
  public record Port(String name, Supplier<LibTest> factory, List<Integer> tests) {
    LibTest create() {
      return factory.get();
    }
  }

  private static final Map<String, Port> PORTS = new LinkedHashMap<>();

  private static void port(String name, Supplier<LibTest> factory, int... tests) {
    List<Integer> list = new ArrayList<>();
    for (int t : tests) {
      list.add(t);
    }
    PORTS.put(name, new Port(name, factory, Collections.unmodifiableList(list)));
  }

  static {
    port("lib500", Lib500::new, 500);
  }

  private Ports() {
  }

  /** @return the port of that lib name, or null */
  public static Port byName(String name) {
    return PORTS.get(name);
  }

  /** @return every port, in table order */
  public static List<Port> all() {
    return List.copyOf(PORTS.values());
  }
}
