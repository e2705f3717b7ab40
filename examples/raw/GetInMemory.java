package examples.raw;

import static io.curlew.raw.LibCurl.*;

import examples.support.ExampleServer;
import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_write_callback;
import java.io.IOException;
import java.util.Arrays;

/**
 * Port of curl's docs/examples/getinmemory.c: the body is collected in a growing buffer by
 * a write callback, then only its size is printed.
 *
 * <p>Usage: {@code GetInMemory [URL]}; without a URL it fetches 100000 bytes from
 * {@code /bytes} of a local {@link ExampleServer}.
 */
public final class GetInMemory {

  /** C's struct MemoryStruct: the bytes so far and how many. */
  static final class MemoryStruct {
    byte[] memory;
    int size;
  }

  private GetInMemory() {
  }

  /** Appends one piece of the body, growing the buffer as realloc() does in C. */
  static long write_cb(CurlBuffer contents, long size, long nmemb, Object userp) {
    long realsize = size * nmemb;
    MemoryStruct mem = (MemoryStruct) userp;

    if (mem.size + realsize + 1 > Integer.MAX_VALUE - 8) {
      // the Java counterpart of realloc() failing
      System.out.printf("no room for more data\n");
      return 0;
    }
    mem.memory = Arrays.copyOf(mem.memory, (int) (mem.size + realsize + 1));
    contents.copyTo(0, mem.memory, mem.size, (int) realsize);
    mem.size += (int) realsize;
    mem.memory[mem.size] = 0;

    return realsize;
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      rc = run(local == null ? args[0] : local.url("/bytes?size=100000"));
    }
    System.exit(rc);
  }

  static int run(String url) {
    CURL curl;
    int result;
    MemoryStruct chunk = new MemoryStruct();

    result = curl_global_init(CURL_GLOBAL_ALL);
    if (result != CURLE_OK) {
      return result;
    }

    chunk.memory = new byte[1]; // grows with every piece
    chunk.size = 0;

    curl = curl_easy_init();
    if (curl != null) {
      curl_easy_setopt(curl, CURLOPT_URL, url);

      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, (curl_write_callback) GetInMemory::write_cb);
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, chunk);

      // a User-Agent, which some servers insist on
      curl_easy_setopt(curl, CURLOPT_USERAGENT, "libcurl-agent/1.0");

      result = curl_easy_perform(curl);

      if (result != CURLE_OK) {
        System.err.printf("transfer failed: %s\n", curl_easy_strerror(result));
      } else {
        // chunk.memory[0 .. chunk.size) is the whole body now
        System.out.printf("%d bytes in memory\n", chunk.size);
      }

      curl_easy_cleanup(curl);
    }

    curl_global_cleanup();
    return result;
  }
}
