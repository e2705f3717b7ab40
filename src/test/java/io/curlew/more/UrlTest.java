package io.curlew.more;

import static org.junit.jupiter.api.Assertions.*;

import io.curlew.CurlEasy;
import io.curlew.CurlInfo;
import io.curlew.CurlOption;
import io.curlew.CurlUrl;
import io.curlew.CurlUrl.Flags;
import io.curlew.CurlUrl.Part;
import io.curlew.CurlUrlCode;
import io.curlew.CurlUrlException;
import io.curlew.testing.TestServer;
import org.junit.jupiter.api.Test;

/** CurlUrl: parsing, every part, the flags, hostile input, and use as CURLOPT_CURLU. */
class UrlTest {

  @Test
  void everyPartOfAUrl() throws Exception {
    try (CurlUrl u = CurlUrl.parse(
        "https://user:secret@[fe80::1%25eth0]:8443/a/b/../c?q=1&r=2#frag")) {
      assertEquals("https", u.get(Part.SCHEME));
      assertEquals("user", u.get(Part.USER));
      assertEquals("secret", u.get(Part.PASSWORD));
      assertEquals("[fe80::1]", u.get(Part.HOST));
      assertEquals("eth0", u.get(Part.ZONEID));
      assertEquals("8443", u.get(Part.PORT));
      assertEquals("/a/c", u.get(Part.PATH));
      assertEquals("q=1&r=2", u.get(Part.QUERY));
      assertEquals("frag", u.get(Part.FRAGMENT));
      assertEquals("https://user:secret@[fe80::1%25eth0]:8443/a/c?q=1&r=2#frag", u.toString());
    }
    try (CurlUrl u = CurlUrl.parse("imap://user;AUTH=PLAIN@mail.example/")) {
      assertEquals("AUTH=PLAIN", u.get(Part.OPTIONS));
    }
  }

  @Test
  void flagsChangeParsingAndOutput() throws Exception {
    try (CurlUrl u = CurlUrl.parse("http://example.com/")) {
      assertThrows(CurlUrlException.class, () -> u.get(Part.PORT));
      assertEquals("80", u.get(Part.PORT, Flags.DEFAULT_PORT));
      u.set(Part.PATH, "/with space/ä", Flags.URLENCODE);
      assertEquals("/with%20space/%C3%A4", u.get(Part.PATH));
      assertEquals("/with space/ä", u.get(Part.PATH, Flags.URLDECODE));
      u.set(Part.QUERY, "a=b c", Flags.URLENCODE | Flags.APPENDQUERY);
      u.set(Part.QUERY, "d=e", Flags.APPENDQUERY);
      assertEquals("a=b+c&d=e", u.get(Part.QUERY));
      u.set(Part.URL, "../other?x", 0); // relative to the current URL
      assertEquals("http://example.com/other?x", u.toString());
    }
    try (CurlUrl u = CurlUrl.parse("example.com/path", Flags.GUESS_SCHEME)) {
      assertEquals("http", u.get(Part.SCHEME));
    }
    try (CurlUrl u = CurlUrl.parse("ftp.example.com", Flags.GUESS_SCHEME)) {
      assertEquals("ftp", u.get(Part.SCHEME));
    }
    try (CurlUrl u = CurlUrl.parse("example.com", Flags.DEFAULT_SCHEME)) {
      assertEquals("https://example.com/", u.toString());
    }
    assertEquals(CurlUrlCode.UNSUPPORTED_SCHEME, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("gopher2://example.com/")).code());
    try (CurlUrl u = CurlUrl.parse("gopher2://example.com/", Flags.NON_SUPPORT_SCHEME)) {
      assertEquals("gopher2", u.get(Part.SCHEME));
    }
    assertEquals(CurlUrlCode.USER_NOT_ALLOWED, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://u:p@example.com/", Flags.DISALLOW_USER)).code());
    try (CurlUrl u = CurlUrl.parse("http://example.com/a/../b", Flags.PATH_AS_IS)) {
      assertEquals("/a/../b", u.get(Part.PATH));
    }
  }

  @Test
  void hostileInputIsRejectedWithItsCode() {
    assertEquals(CurlUrlCode.MALFORMED_INPUT, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://exa\u0001mple.com/")).code());
    assertEquals(CurlUrlCode.MALFORMED_INPUT, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://example.com/\r\nX-Injected: 1")).code());
    assertEquals(CurlUrlCode.MALFORMED_INPUT, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://example.com/\0nul")).code());
    assertEquals(CurlUrlCode.BAD_IPV6, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://[::1/")).code());
    assertEquals(CurlUrlCode.BAD_IPV6, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://[::g]/")).code());
    assertEquals(CurlUrlCode.BAD_PORT_NUMBER, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://example.com:99999/")).code());
    assertEquals(CurlUrlCode.BAD_PORT_NUMBER, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://example.com:-1/")).code());
    String overlong = "http://example.com/" + "a".repeat(9_000_000);
    CurlUrlCode big = assertThrows(CurlUrlException.class, () -> CurlUrl.parse(overlong)).code();
    assertTrue(big == CurlUrlCode.MALFORMED_INPUT || big == CurlUrlCode.TOO_LARGE, big.name());
    assertEquals(CurlUrlCode.MALFORMED_INPUT, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://exa mple.com/")).code(), "a space needs ALLOW_SPACE");
    assertEquals(CurlUrlCode.BAD_HOSTNAME, assertThrows(CurlUrlException.class,
        () -> CurlUrl.parse("http://exa<mple.com/")).code());
    try (CurlUrl u = new CurlUrl()) {
      assertEquals(CurlUrlCode.BAD_PORT_NUMBER, assertThrows(CurlUrlException.class,
          () -> u.set(Part.PORT, "65536")).code());
      assertEquals(CurlUrlCode.NO_HOST, assertThrows(CurlUrlException.class,
          () -> u.get(Part.HOST)).code());
    }
  }

  @Test
  void usedAsCurloptCurluAndDuplicated() throws Exception {
    TestServer server = TestServer.get();
    try (CurlUrl u = CurlUrl.parse(server.url("/hello")); CurlEasy easy = new CurlEasy()) {
      easy.setOption(CurlOption.CURLU, u).perform();
      assertEquals("hello", easy.bodyAsString());
      u.set(Part.PATH, "/echo"); // libcurl reads the handle again at the next transfer
      easy.perform();
      assertTrue(easy.bodyAsString().startsWith("method=GET"));
      try (CurlUrl copy = u.dup()) {
        copy.set(Part.PATH, "/port");
        assertEquals(server.url("/echo"), u.toString());
        assertEquals(server.url("/port"), copy.toString());
      }
      u.close(); // unsets it on the easy handle first: no dangling pointer
      assertThrows(IllegalStateException.class, () -> u.get(Part.HOST));
      easy.url(server.url("/hello")).perform();
      assertEquals(server.url("/hello"), easy.getInfo(CurlInfo.EFFECTIVE_URL));
    }
  }
}
