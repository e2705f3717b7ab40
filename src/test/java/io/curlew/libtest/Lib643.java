package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.CurlBuffer;
import io.curlew.raw.curl_mime;
import io.curlew.raw.curl_mimepart;
import io.curlew.raw.curl_read_callback;
import java.nio.charset.StandardCharsets;

/**
 * Port of curl 8.21.0 tests/libtest/lib643.c: a multipart POST mixing read-callback parts
 * (known size for test 643, unknown and so chunked for 645), string parts and a file-name
 * part, sent twice with different part names; then curl_mime_subparts must refuse to
 * build a cycle.
 */
public final class Lib643 extends LibTest {

  /** C's struct t643_WriteThis */
  static final class WriteThis {
    byte[] data;
    int readptr;
    long sizeleft;
  }

  private static int testnumber;

  static long t643_read_cb(CurlBuffer ptr, long size, long nmemb, Object userp) {
    WriteThis pooh = (WriteThis) userp;
    boolean eof;

    if (size * nmemb < 1) {
      return 0;
    }

    if (testnumber == 643) {
      eof = pooh.sizeleft <= 0;
      if (!eof) {
        pooh.sizeleft--;
      }
    } else {
      eof = pooh.readptr >= pooh.data.length;
    }

    if (!eof) {
      ptr.put(0, pooh.data[pooh.readptr]); // one byte per call
      pooh.readptr++;
      return 1;
    }

    return 0;
  }

  private int t643_test_once(String URL, boolean oldstyle) {
    final byte[] testdata = "dummy\n".getBytes(StandardCharsets.US_ASCII);
    CURL curl;
    curl_mime mime;
    curl_mimepart part;
    WriteThis pooh = new WriteThis();
    WriteThis pooh2 = new WriteThis();
    long datasize = -1;
    curl_read_callback readCb = Lib643::t643_read_cb;

    pooh.data = testdata;
    if (testnum == 643) {
      datasize = testdata.length;
    }
    pooh.sizeleft = datasize;

    curl = curl_easy_init();
    if (curl == null) {
      stderr.printf("curl_easy_init() failed\n");
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }

    mime = curl_mime_init(curl);
    if (mime == null) {
      stderr.printf("curl_mime_init() failed\n");
      curl_easy_cleanup(curl);
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }

    part = curl_mime_addpart(mime);
    if (part == null) {
      stderr.printf("curl_mime_addpart(1) failed\n");
      curl_mime_free(mime);
      curl_easy_cleanup(curl);
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }

    // the file upload part
    if (oldstyle) {
      result = curl_mime_name(part, "sendfile");
      if (result == 0) {
        result = curl_mime_data_cb(part, datasize, readCb, null, null, pooh);
      }
      if (result == 0) {
        result = curl_mime_filename(part, "postit2.c");
      }
    } else {
      result = curl_mime_name(part, "sendfile alternative");
      if (result == 0) {
        result = curl_mime_data_cb(part, datasize, readCb, null, null, pooh);
      }
      if (result == 0) {
        result = curl_mime_filename(part, "filename 2 ");
      }
    }

    if (result != 0) {
      curl_mprintf("curl_mime_xxx(1) = %s\n", curl_easy_strerror(result));
    }

    // the same data under another name, not as a file, still from the callback
    pooh2.data = testdata;
    if (testnum == 643) {
      datasize = testdata.length;
    }
    pooh2.sizeleft = datasize;

    part = curl_mime_addpart(mime);
    if (part == null) {
      stderr.printf("curl_mime_addpart(2) failed\n");
      curl_mime_free(mime);
      curl_easy_cleanup(curl);
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }
    result = curl_mime_name(part, "callbackdata");
    if (result == 0) {
      result = curl_mime_data_cb(part, datasize, readCb, null, null, pooh2);
    }

    if (result != 0) {
      curl_mprintf("curl_mime_xxx(2) = %s\n", curl_easy_strerror(result));
    }

    part = curl_mime_addpart(mime);
    if (part == null) {
      stderr.printf("curl_mime_addpart(3) failed\n");
      curl_mime_free(mime);
      curl_easy_cleanup(curl);
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }

    // a file name field
    result = curl_mime_name(part, "filename");
    if (result == 0) {
      result = curl_mime_data(part, "postit2.c", CURL_ZERO_TERMINATED);
    }

    if (result != 0) {
      curl_mprintf("curl_mime_xxx(3) = %s\n", curl_easy_strerror(result));
    }

    // a submit field
    part = curl_mime_addpart(mime);
    if (part == null) {
      stderr.printf("curl_mime_addpart(4) failed\n");
      curl_mime_free(mime);
      curl_easy_cleanup(curl);
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }
    result = curl_mime_name(part, "submit");
    if (result == 0) {
      result = curl_mime_data(part, "send", CURL_ZERO_TERMINATED);
    }

    if (result != 0) {
      curl_mprintf("curl_mime_xxx(4) = %s\n", curl_easy_strerror(result));
    }

    part = curl_mime_addpart(mime);
    if (part == null) {
      stderr.printf("curl_mime_addpart(5) failed\n");
      curl_mime_free(mime);
      curl_easy_cleanup(curl);
      curl_global_cleanup();
      return TEST_ERR_MAJOR_BAD;
    }
    result = curl_mime_name(part, "somename");
    if (result == 0) {
      result = curl_mime_filename(part, "somefile.txt");
    }
    if (result == 0) {
      result = curl_mime_data(part, "blah blah", 9);
    }

    if (result != 0) {
      curl_mprintf("curl_mime_xxx(5) = %s\n", curl_easy_strerror(result));
    }

    try {
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_MIMEPOST, mime);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_HEADER, 1L);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_easy_cleanup(curl);
    curl_mime_free(mime);
    return result;
  }

  private static int t643_cyclic_add() {
    CURL curl = curl_easy_init();
    curl_mime mime = curl_mime_init(curl);
    curl_mimepart part = curl_mime_addpart(mime);
    int rc = curl_mime_subparts(part, mime);
    if (rc == CURLE_BAD_FUNCTION_ARGUMENT) {
      curl_mime submime = curl_mime_init(curl);
      curl_mimepart subpart = curl_mime_addpart(submime);

      curl_mime_subparts(part, submime);
      rc = curl_mime_subparts(subpart, mime);
    }
    curl_mime_free(mime);
    curl_easy_cleanup(curl);
    if (rc != CURLE_BAD_FUNCTION_ARGUMENT) {
      // a cycle must be refused
      return TEST_ERR_FAILURE;
    }

    return CURLE_OK;
  }

  @Override
  protected int test(String URL) {
    testnumber = testnum;

    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      stderr.printf("curl_global_init() failed\n");
      return TEST_ERR_MAJOR_BAD;
    }

    int rc = t643_test_once(URL, true); // old style names
    if (rc == 0) {
      rc = t643_test_once(URL, false); // new style names
    }
    if (rc == 0) {
      rc = t643_cyclic_add();
    }

    curl_global_cleanup();
    return rc;
  }
}
