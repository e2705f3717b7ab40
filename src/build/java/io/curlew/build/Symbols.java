package io.curlew.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the probe learnt from the built libcurl: constants and options. */
final class Symbols {

  /**
   * One constant. {@code text} is set for string constants; otherwise
   * {@code value} holds the bits, {@code size} the C size in bytes.
   */
  record Constant(String name, String enumName, boolean deprecated, String text, long value,
      int size, boolean unsigned) {

    boolean isString() {
      return text != null;
    }

    /** The Java type that holds the C value without loss: int or long. */
    boolean fitsInt() {
      if (isString()) {
        return false;
      }
      if (size > 4) {
        return false;
      }
      return !unsigned || value <= Integer.MAX_VALUE;
    }
  }

  /** One entry of libcurl's easy option table (struct curl_easyoption). */
  record EasyOption(String name, int id, int type, boolean alias) {}

  /** CURLOT_* names, indexed by their value. */
  static final String[] OPTION_TYPES = {
      "LONG", "VALUES", "OFF_T", "OBJECT", "STRING", "SLIST", "CBPTR", "BLOB", "FUNCTION"};

  private final Map<String, Constant> constants = new LinkedHashMap<>();
  private final List<EasyOption> options = new ArrayList<>();

  void add(Constant c) {
    constants.put(c.name(), c);
  }

  void addOption(EasyOption o) {
    options.add(o);
  }

  List<Constant> constants() {
    return new ArrayList<>(constants.values());
  }

  Constant get(String name) {
    return constants.get(name);
  }

  List<EasyOption> options() {
    return options;
  }

  /** The members of one C enum, in declaration order. */
  List<Constant> enumMembers(String enumName) {
    return constants.values().stream().filter(c -> enumName.equals(c.enumName())).toList();
  }

  /** Numeric constants whose names start with the prefix, in header order. */
  List<Constant> withPrefix(String prefix) {
    return constants.values().stream()
        .filter(c -> !c.isString() && c.name().startsWith(prefix)).toList();
  }
}
