package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_write_callback;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Port of curl's docs/examples/chkspeed.c: downloads a test file, throws the bytes away and
 * prints size, time and speed from the {@code CURLINFO_*_T} counters.
 *
 * <p>Usage: {@code ChkSpeed [-m=1|2|5|10|20|50|100] [-t] [-x] [-a] [URL]}: -m picks the
 * size of the test file in MiB, -t prints the local time first, -x a separator line, -a
 * the name lookup and connect times too; -h and -v print usage or version. The test files
 * are below {@code URL_BASE}; without a URL among the arguments a local
 * {@link ExampleServer} serves them (its {@code /file_NM.bin}).
 */
public final class ChkSpeed {

  static String URL_BASE = "http://speedtest.your.domain/";
  static final String CHKSPEED_VERSION = "1.0";

  private ChkSpeed() {
  }

  /** The bytes are not wanted, only counted by libcurl. */
  static long write_cb(CurlBuffer ptr, long size, long nmemb, Object data) {
    return size * nmemb;
  }

  public static void main(String[] args) throws IOException {
    boolean urlGiven = false;
    for (String a : args) {
      urlGiven |= !a.startsWith("-");
    }
    int rc;
    try (ExampleServer local = urlGiven ? null : ExampleServer.start()) {
      if (local != null) {
        URL_BASE = local.url("/");
      }
      rc = run(args);
    }
    System.exit(rc);
  }

  /** C's atoi(): the leading decimal digits, 0 when there are none. */
  static int atoi(String s) {
    int i = 0;
    int n = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      n = n * 10 + (s.charAt(i++) - '0');
    }
    return n;
  }

  static int run(String[] argv) {
    CURL curl;
    int result;
    boolean prtall = false;
    boolean prtsep = false;
    boolean prttime = false;
    String url = URL_BASE + "file_1M.bin";
    final String appname = "ChkSpeed";

    for (String arg : argv) {
      if (arg.startsWith("-")) {
        char opt = arg.length() > 1 ? arg.charAt(1) : '\0';
        switch (opt) {
          case 'h':
          case 'H':
            System.err.printf("\rUsage: %s [-m=1|2|5|10|20|50|100] [-t] [-x] [url]\n", appname);
            return 1;
          case 'v':
          case 'V':
            System.err.printf("\r%s %s - %s\n", appname, CHKSPEED_VERSION, curl_version());
            return 1;
          case 'a':
          case 'A':
            prtall = true;
            break;
          case 'x':
          case 'X':
            prtsep = true;
            break;
          case 't':
          case 'T':
            prttime = true;
            break;
          case 'm':
          case 'M':
            if (arg.length() > 2 && arg.charAt(2) == '=') {
              int m = atoi(arg.substring(3));
              switch (m) {
                case 1:
                case 2:
                case 5:
                case 10:
                case 20:
                case 50:
                case 100:
                  url = URL_BASE + "file_" + m + "M.bin";
                  break;
                default:
                  System.err.printf("\r%s: no test file of size %s\n", appname, arg.substring(3));
                  return 1;
              }
              break;
            }
            System.err.printf("\r%s: option not understood: %s\n", appname, arg);
            return 1;
          default:
            System.err.printf("\r%s: option not understood: %s\n", appname, arg);
            return 1;
        }
      } else {
        url = arg;
      }
    }

    if (prtsep) {
      System.out.printf("-------------------------------------------------\n");
    }

    if (prttime) {
      // C's ctime() layout
      System.out.printf("Started at: %s\n", ZonedDateTime.now().format(
          DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)));
    }

    result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    curl = curl_easy_init();
    if (curl != null) {
      curl_easy_setopt(curl, CURLOPT_URL, url);

      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) ChkSpeed::write_cb);

      curl_easy_setopt(curl, CURLOPT_USERAGENT, "libcurl-speedchecker/" + CHKSPEED_VERSION);

      result = curl_easy_perform(curl);

      if (result == CURLE_OK) {
        long[] val = new long[1]; // curl_off_t

        result = curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, val);
        if (result == CURLE_OK && val[0] > 0) {
          System.out.printf("Bytes downloaded: %d\n", val[0]);
        }

        // the *_TIME_T counters are microseconds
        result = curl_easy_getinfo(curl, CURLINFO_TOTAL_TIME_T, val);
        if (result == CURLE_OK && val[0] > 0) {
          System.out.printf("Transfer took %d.%06d s\n", val[0] / 1000000, val[0] % 1000000);
        }

        result = curl_easy_getinfo(curl, CURLINFO_SPEED_DOWNLOAD_T, val);
        if (result == CURLE_OK && val[0] > 0) {
          System.out.printf("Average speed: %d KiB/s\n", val[0] / 1024);
        }

        if (prtall) {
          result = curl_easy_getinfo(curl, CURLINFO_NAMELOOKUP_TIME_T, val);
          if (result == CURLE_OK && val[0] > 0) {
            System.out.printf("Name lookup took %d.%06d s\n", val[0] / 1000000,
                val[0] % 1000000);
          }

          result = curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, val);
          if (result == CURLE_OK && val[0] > 0) {
            System.out.printf("Connecting took %d.%06d s\n", val[0] / 1000000,
                val[0] % 1000000);
          }
        }
      } else {
        System.err.printf("fetching '%s' failed: %s\n", url, curl_easy_strerror(result));
      }

      curl_easy_cleanup(curl);
    }

    curl_global_cleanup();

    return 0;
  }
}
