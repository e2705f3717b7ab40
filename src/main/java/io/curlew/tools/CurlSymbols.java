package io.curlew.tools;

import io.curlew.CurlOption;
import io.curlew.CurlOptionType;
import io.curlew.CurlValue;
import io.curlew.raw.LibCurlConstants;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Optional;

/**
 * What the converter knows about libcurl's names, from curlew's own generated tables (no
 * native code is loaded): the options ({@link CurlOption}, with their C type and the Java
 * type the idiomatic layer gives them) and the numeric constants
 * ({@link LibCurlConstants}, the values of the bundled libcurl's headers).
 */
public final class CurlSymbols {

  private CurlSymbols() {
  }

  /**
   * @param cName a C option name such as {@code CURLOPT_URL}
   * @return the option, when this libcurl has one of exactly that name
   */
  public static Optional<CurlOption<?>> option(String cName) {
    if (!cName.startsWith("CURLOPT_")) {
      return Optional.empty();
    }
    String name = cName.substring("CURLOPT_".length());
    try {
      Field f = CurlOption.class.getField(name);
      return Optional.of((CurlOption<?>) f.get(null));
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param option an option
   * @return its C type ({@code CURLOT_*})
   */
  public static CurlOptionType cType(CurlOption<?> option) {
    return option.cType();
  }

  /**
   * @param option an option whose idiomatic type is {@link Duration}
   * @return whether it is passed in milliseconds (the {@code _MS} options) rather than
   *     whole seconds
   */
  public static boolean isMillis(CurlOption<?> option) {
    return option.name().endsWith("_MS");
  }

  /**
   * @param name a C constant such as {@code CURLAUTH_BASIC} or {@code CURL_ZERO_TERMINATED}
   * @return whether libcurl's headers define it as a number
   */
  public static boolean isNumericConstant(String name) {
    return numericField(name) != null;
  }

  /**
   * @param name a C constant
   * @return whether curlew's Java constant for it is an {@code int} (else a {@code long})
   */
  public static boolean isIntConstant(String name) {
    Field f = numericField(name);
    return f != null && f.getType() == int.class;
  }

  /**
   * @param name a numeric C constant
   * @return its value
   * @throws IllegalArgumentException when libcurl defines no number of that name
   */
  public static long constant(String name) {
    Field f = numericField(name);
    if (f == null) {
      throw new IllegalArgumentException("no numeric libcurl constant " + name);
    }
    try {
      return f.getLong(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field numericField(String name) {
    try {
      Field f = LibCurlConstants.class.getField(name);
      if (Modifier.isStatic(f.getModifiers())
          && (f.getType() == int.class || f.getType() == long.class)) {
        return f;
      }
      return null;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /**
   * @param enumType a generated value enum ({@code HttpVersion}, {@code SslVersion}, ...)
   * @param value a C value
   * @return the name of its first constant with that value
   */
  public static Optional<String> enumConstant(Class<?> enumType, long value) {
    for (Object c : enumType.getEnumConstants()) {
      if (((CurlValue) c).value() == value) {
        return Optional.of(((Enum<?>) c).name());
      }
    }
    return Optional.empty();
  }
}
