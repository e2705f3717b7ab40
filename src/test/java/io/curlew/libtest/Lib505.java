package io.curlew.libtest;

import static io.curlew.raw.LibCurl.*;

import io.curlew.raw.CURL;
import io.curlew.raw.curl_slist;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Port of curl 8.21.0 tests/libtest/lib505.c: an FTP upload from a file (READDATA is the
 * open file, read by the default read function), then a rename with POSTQUOTE commands.
 */
public final class Lib505 extends LibTest {

  @Override
  protected int test(String URL) throws IOException {
    CURL curl;
    InputStream hdSrc;
    long fileSize;
    curl_slist headerlist;
    curl_slist temp;
    final String buf1 = "RNFR 505";
    final String buf2 = "RNTO 505-forreal";

    if (libtest_arg2 == null) {
      stderr.printf("Usage: <url> <file-to-upload>\n");
      return TEST_ERR_USAGE;
    }

    FileInputStream file;
    try {
      file = new FileInputStream(libtest_arg2);
    } catch (IOException e) {
      stderr.printf("fopen() failed with error %s\n", e.getMessage());
      stderr.printf("Error opening file '%s'\n", libtest_arg2);
      return TEST_ERR_MAJOR_BAD;
    }
    hdSrc = file;

    // the size of the local file
    fileSize = file.getChannel().size();
    if (fileSize == 0) {
      stderr.printf("File %s has zero size!\n", libtest_arg2);
      hdSrc.close();
      return TEST_ERR_MAJOR_BAD;
    }

    if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK) {
      stderr.printf("curl_global_init() failed\n");
      hdSrc.close();
      return TEST_ERR_MAJOR_BAD;
    }

    curl = curl_easy_init();
    if (curl == null) {
      stderr.printf("curl_easy_init() failed\n");
      curl_global_cleanup();
      hdSrc.close();
      return TEST_ERR_MAJOR_BAD;
    }

    // the FTP commands to run after the transfer
    headerlist = curl_slist_append(null, buf1);
    temp = curl_slist_append(headerlist, buf2);
    headerlist = temp;

    try {
      easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      easy_setopt(curl, CURLOPT_VERBOSE, 1L);
      easy_setopt(curl, CURLOPT_URL, URL);
      easy_setopt(curl, CURLOPT_POSTQUOTE, headerlist);
      // the default read function reads READDATA, like fread() on a FILE *
      easy_setopt(curl, CURLOPT_READDATA, hdSrc);
      easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, fileSize);

      result = curl_easy_perform(curl);
    } catch (TestCleanup jump) {
      // test_cleanup
    }

    curl_slist_free_all(headerlist);
    hdSrc.close();
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return result;
  }
}
