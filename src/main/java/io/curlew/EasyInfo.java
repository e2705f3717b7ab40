package io.curlew;

import io.curlew.raw.CURL;
import io.curlew.raw.LibCurl;
import io.curlew.raw.curl_certinfo;
import io.curlew.raw.curl_slist;
import io.curlew.raw.curl_tlssessioninfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link CurlInfo} from a raw handle, converting by the info's kind. */
final class EasyInfo {

  private EasyInfo() {
  }

  @SuppressWarnings("unchecked")
  static <T> T read(CURL raw, CurlInfo<T> info) {
    int id = info.id();
    Object value = switch (info.kind) {
      case STRING -> {
        String[] s = new String[1];
        check(LibCurl.curl_easy_getinfo(raw, id, s), info);
        yield s[0];
      }
      case LONG, OFF_T, SOCKET -> readLong(raw, info);
      case DOUBLE -> {
        double[] d = new double[1];
        check(LibCurl.curl_easy_getinfo(raw, id, d), info);
        yield d[0];
      }
      case MICROS -> Duration.ofNanos(readLong(raw, info) * 1000);
      case SECONDS -> Duration.ofSeconds(readLong(raw, info));
      case ENUM -> enumOf((Class<?>) info.detail, readLong(raw, info));
      case SLIST -> {
        curl_slist[] l = new curl_slist[1];
        check(LibCurl.curl_easy_getinfo(raw, id, l), info);
        yield curl_slist.toList(l[0]);
      }
      case CERTINFO -> {
        curl_certinfo[] c = new curl_certinfo[1];
        check(LibCurl.curl_easy_getinfo(raw, id, c), info);
        List<CertificateInfo> chain = new ArrayList<>();
        for (curl_slist cert : c[0].certinfo) {
          chain.add(new CertificateInfo(curl_slist.toList(cert)));
        }
        yield List.copyOf(chain);
      }
      case TLS -> {
        curl_tlssessioninfo[] t = new curl_tlssessioninfo[1];
        check(LibCurl.curl_easy_getinfo(raw, id, t), info);
        yield new TlsSessionInfo(t[0].backend, t[0].internals);
      }
      case USERDATA -> {
        Object[] o = new Object[1];
        check(LibCurl.curl_easy_getinfo(raw, id, o), info);
        yield o[0];
      }
      default -> throw new IllegalStateException("unexpected info kind " + info.kind);
    };
    return (T) value;
  }

  private static long readLong(CURL raw, CurlInfo<?> info) {
    long[] v = new long[1];
    check(LibCurl.curl_easy_getinfo(raw, info.id(), v), info);
    return v[0];
  }

  private static Object enumOf(Class<?> type, long v) {
    for (Object c : type.getEnumConstants()) {
      if (((CurlValue) c).value() == v) {
        return c;
      }
    }
    throw new IllegalStateException(type.getSimpleName() + " has no constant for " + v);
  }

  private static void check(int rc, CurlInfo<?> info) {
    if (rc == LibCurl.CURLE_RECURSIVE_API_CALL) {
      throw CurlEasy.recursive("getInfo(" + info + ")");
    }
    if (rc != LibCurl.CURLE_OK) {
      throw new IllegalArgumentException(info + " could not be read: " + CurlCode.of(rc) + " ("
          + rc + "): " + Curl.strerror(rc));
    }
  }
}
