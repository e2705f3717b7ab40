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
    // easy interface basics
    port("lib500", Lib500::new, 500, 585, 586, 595, 596);
    port("lib501", Lib501::new, 501);
    port("lib502", Lib502::new, 502);
    port("lib503", Lib503::new, 503);
    port("lib504", Lib504::new, 504, 538);
    port("lib505", Lib505::new, 505);
    port("lib507", Lib507::new, 507, 580, 581);
    port("lib508", Lib508::new, 508);
    port("lib510", Lib510::new, 510);
    port("lib511", Lib511::new, 511);
    port("lib512", Lib512::new, 512);
    port("lib513", Lib513::new, 513);
    port("lib514", Lib514::new, 514);
    port("lib544", Lib544::new, 544, 545);
    port("lib566", Lib566::new, 566);
    port("lib549", Lib549::new, 549, 550, 561);
    port("lib1571", Lib1571::new, 1571, 1572, 1573, 1574, 1575, 1581);
    port("lib1576", Lib1576::new, 1576, 1577, 1578, 1579, 1580);
    port("lib1514", Lib1514::new, 1514, 1539);
    // header API
    port("lib1940", Lib1940::new, 1940, 1941, 1942, 1943, 1944, 1946);
    port("lib1947", Lib1947::new, 1947);
    // URL API, alone and with transfers
    port("lib1965", Lib1965::new, 1965);
    port("lib1967", Lib1967::new, 1967);
    port("lib1906", Lib1906::new, 1906);
    port("lib1907", Lib1907::new, 1907);
    port("lib1977", Lib1977::new, 1977);
    port("lib658", Lib658::new, 658);
    port("lib674", Lib674::new, 674);
    // MIME
    port("lib589", Lib589::new, 584, 589);
    port("lib643", Lib643::new, 643, 645);
    port("lib653", Lib653::new, 653);
    port("lib654", Lib654::new, 654);
    port("lib668", Lib668::new, 668);
    port("lib695", Lib695::new, 695);
    // callbacks and getinfo
    port("lib2082", Lib2082::new, 2082, 2083, 2084, 2085, 2086);
    port("lib2308", Lib2308::new, 2308);
    port("lib1556", Lib1556::new, 1556);
    port("lib1594", Lib1594::new, 1594, 1595, 1596);
    port("lib1518", Lib1518::new, 1518, 1519, 1543);
    port("lib1532", Lib1532::new, 1532);
    port("lib1533", Lib1533::new, 1533);
    port("lib1534", Lib1534::new, 1534);
    port("lib1535", Lib1535::new, 1535);
    port("lib1536", Lib1536::new, 1536);
    port("lib1485", Lib1485::new, 1485);
    port("lib1541", Lib1541::new, 1541);
    // pause
    port("lib1540", Lib1540::new, 1540);
    port("lib670", Lib670::new, 670, 671); // 672, 673: form API, not in the raw layer
    // multi interface
    port("lib1500", Lib1500::new, 1500);
    port("lib1502", Lib1502::new, 1502, 1503, 1504, 1505);
    port("lib1531", Lib1531::new, 1531);
    port("lib526", Lib526::new, 526, 527, 528, 532);
    port("lib533", Lib533::new, 533, 534, 535, 546);
    port("lib525", Lib525::new, 525, 529, 531, 588);
    port("lib591", Lib591::new, 591, 592, 593);
    port("lib1506", Lib1506::new, 1506);
    port("lib1510", Lib1510::new, 1510);
    port("lib1515", Lib1515::new, 1515, 1516);
    port("lib530", Lib530::new, 530);
    // share interface
    port("lib1554", Lib1554::new, 1554);
    port("lib1905", Lib1905::new, 1905);
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
