package io.curlew;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.raw.LibCurl;
import io.curlew.raw.LibCurlConstants;
import io.curlew.raw.curl_easyoption;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated Java tables against the libcurl that is actually loaded: libcurl's option
 * table (curl_easy_option_next) and CurlOption must name the same options with the same ids
 * and types, and the raw constants must hold the same ids.
 */
class DriftTest {

  @Test
  void everyLibcurlOptionIsACurlOptionAndViceVersa() throws Exception {
    Map<String, curl_easyoption> table = new HashMap<>();
    for (curl_easyoption o = LibCurl.curl_easy_option_next(null); o != null;
        o = LibCurl.curl_easy_option_next(o)) {
      table.put(o.name, o);
    }
    assertTrue(table.size() > 250, "libcurl's option table has " + table.size() + " entries");
    Set<String> java = new HashSet<>();
    for (CurlOption<?> opt : CurlOption.values()) {
      java.add(opt.name());
      curl_easyoption o = table.get(opt.name());
      assertNotNull(o, opt + " is not in the loaded libcurl's option table");
      assertEquals(o.id, opt.id(), opt + " id");
      assertEquals(o.type, (int) opt.cType().value(), opt + " type");
      assertEquals((o.flags & LibCurl.CURLOT_FLAG_ALIAS) != 0, opt.isAlias(), opt + " alias");
      Field f = CurlOption.class.getField(opt.name());
      assertSame(opt, f.get(null));
    }
    assertEquals(table.keySet(), java, "options only one side has");
  }

  @Test
  void rawConstantsMatchTheOptionTable() throws Exception {
    for (curl_easyoption o = LibCurl.curl_easy_option_next(null); o != null;
        o = LibCurl.curl_easy_option_next(o)) {
      Field f = LibCurlConstants.class.getField("CURLOPT_" + o.name);
      assertEquals(o.id, ((Number) f.get(null)).intValue(), f.getName());
      assertSame(o.name, o.name);
      assertEquals(o.id, LibCurl.curl_easy_option_by_name(o.name).id);
    }
  }

  @Test
  void byNameAndByIdFindOptions() {
    assertSame(CurlOption.URL, CurlOption.byName("url").orElseThrow());
    assertSame(CurlOption.URL, CurlOption.byName("CURLOPT_URL").orElseThrow());
    assertSame(CurlOption.URL, CurlOption.byId(LibCurl.CURLOPT_URL).orElseThrow());
    assertSame(CurlOption.WRITEDATA, CurlOption.byId(LibCurl.CURLOPT_WRITEDATA).orElseThrow());
    assertTrue(CurlOption.FILE.isAlias());
    assertTrue(CurlOption.byName("NO_SUCH_OPTION").isEmpty());
    assertEquals(String.class, CurlOption.URL.valueType());
    assertEquals(java.time.Duration.class, CurlOption.TIMEOUT_MS.valueType());
    assertEquals(HttpVersion.class, CurlOption.HTTP_VERSION.valueType());
  }

  @Test
  void infosMatchTheRawConstants() throws Exception {
    assertTrue(CurlInfo.values().size() > 60);
    for (CurlInfo<?> i : CurlInfo.values()) {
      Field f = LibCurlConstants.class.getField("CURLINFO_" + i.name());
      assertEquals(((Number) f.get(null)).intValue(), i.id(), i.toString());
    }
    assertEquals(Long.class, CurlInfo.RESPONSE_CODE.valueType());
  }

  @Test
  void everyCodeLibcurlHasAMessageForIsInCurlCode() {
    int known = 0;
    String unknown = LibCurl.curl_easy_strerror(-12345);
    for (int code = 0; code < 200; code++) {
      if (!LibCurl.curl_easy_strerror(code).equals(unknown)) {
        assertNotEquals(CurlCode.UNKNOWN, CurlCode.of(code), "CURLcode " + code);
        known++;
      }
    }
    assertTrue(known > 80, "codes with messages: " + known);
    assertEquals(LibCurl.CURLE_OPERATION_TIMEDOUT, CurlCode.OPERATION_TIMEDOUT.value());
    assertEquals(CurlCode.UNKNOWN, CurlCode.of(123456));
  }

  @Test
  void multiOptionsMatchTheRawConstants() throws Exception {
    for (CurlMultiOption<?> o : CurlMultiOption.values()) {
      Field f = LibCurlConstants.class.getField("CURLMOPT_" + o.name());
      assertEquals(((Number) f.get(null)).intValue(), o.id(), o.toString());
    }
  }
}
