package io.curlew.raw;

/** libcurl's {@code CURLMsg}, returned by {@link LibCurl#curl_multi_info_read}. */
public final class CURLMsg {
  /** The message: CURLMSG_DONE. */
  public final int msg;
  /** The transfer it is about. */
  public final CURL easy_handle;
  /** The message data. */
  public final Data data;

  /** The union of a CURLMsg. */
  public static final class Data {
    /** For CURLMSG_DONE: the transfer's CURLcode. */
    public final int result;

    Data(int result) {
      this.result = result;
    }
  }

  CURLMsg(int msg, CURL easy, int result) {
    this.msg = msg;
    this.easy_handle = easy;
    this.data = new Data(result);
  }
}
