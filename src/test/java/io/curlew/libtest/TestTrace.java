package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import java.io.PrintStream;
import java.time.LocalTime;

/**
 * Port of curl 8.21.0 tests/libtest/testtrace.c (the libtest part): the verbose trace
 * that libtests print to stderr through CURLOPT_DEBUGFUNCTION.
 */
public final class TestTrace {

  /** C's {@code struct libtest_trace_cfg} */
  public static final class Config {
    public boolean tracetime;
    public boolean nohex;
  }

  /** C's global {@code debug_config} */
  public static final Config debug_config = new Config();

  private TestTrace() {
  }

  /** Hex and text dump of one block, as testtrace.c's debug_dump prints it. */
  public static void debug_dump(String timebuf, String text, PrintStream stream, byte[] ptr,
      int size, boolean nohex) {
    int width = nohex ? 0x40 : 0x10;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%s%s, %d bytes (0x%x)\n", timebuf, text, size, size));
    for (int i = 0; i < size; i += width) {
      sb.append(String.format("%04x: ", i));
      if (!nohex) {
        for (int c = 0; c < width; c++) {
          if (i + c < size) {
            sb.append(String.format("%02x ", ptr[i + c] & 0xff));
          } else {
            sb.append("   ");
          }
        }
      }
      for (int c = 0; c < width && i + c < size; c++) {
        // a CRLF ends the line early when the hex part is off
        if (nohex && i + c + 1 < size && ptr[i + c] == 0x0D && ptr[i + c + 1] == 0x0A) {
          i += c + 2 - width;
          break;
        }
        int b = ptr[i + c] & 0xff;
        sb.append(b >= 0x20 && b < 0x80 ? (char) b : '.');
        if (nohex && i + c + 2 < size && ptr[i + c + 1] == 0x0D && ptr[i + c + 2] == 0x0A) {
          i += c + 3 - width;
          break;
        }
      }
      sb.append('\n');
    }
    stream.print(sb);
    stream.flush();
  }

  /** testtrace.c's libtest_debug_cb: DEBUGDATA is a {@link Config}. */
  public static int libtest_debug_cb(CURL handle, int type, CurlBuffer data, long size,
      Object userp) {
    Config cfg = (Config) userp;
    String timestr = "";
    if (cfg.tracetime) {
      LocalTime now = LocalTime.now();
      timestr = String.format("%02d:%02d:%02d.%06d ", now.getHour(), now.getMinute(),
          now.getSecond(), now.getNano() / 1000);
    }
    byte[] bytes = data.toArray();
    String text;
    if (type == CURLINFO_TEXT) {
      LibTest.stderr.print(timestr + "== Info: "
          + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
      return 0;
    } else if (type == CURLINFO_HEADER_OUT) {
      text = "=> Send header";
    } else if (type == CURLINFO_DATA_OUT) {
      text = "=> Send data";
    } else if (type == CURLINFO_SSL_DATA_OUT) {
      text = "=> Send SSL data";
    } else if (type == CURLINFO_HEADER_IN) {
      text = "<= Recv header";
    } else if (type == CURLINFO_DATA_IN) {
      text = "<= Recv data";
    } else if (type == CURLINFO_SSL_DATA_IN) {
      text = "<= Recv SSL data";
    } else {
      return 0;
    }
    debug_dump(timestr, text, LibTest.stderr, bytes, bytes.length, cfg.nohex);
    return 0;
  }
}
