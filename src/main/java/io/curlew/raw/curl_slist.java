package io.curlew.raw;

import java.util.ArrayList;
import java.util.List;

/**
 * libcurl's {@code struct curl_slist}: a linked list of strings, built with
 * {@link LibCurl#curl_slist_append}. It lives on the Java heap; curlew copies it into
 * native memory when it is set as an option, so freeing or changing it afterwards never
 * touches memory libcurl uses ({@link LibCurl#curl_slist_free_all} is accepted for
 * ports and only empties the list).
 */
public final class curl_slist {

  /** This node's string ({@code data}). */
  public String data;
  /** The next node, or null ({@code next}). */
  public curl_slist next;

  /** @param data the node's string */
  public curl_slist(String data) {
    this.data = data;
  }

  /**
   * @param list a list, or null
   * @return its strings in order (empty for null)
   */
  public static List<String> toList(curl_slist list) {
    List<String> out = new ArrayList<>();
    for (curl_slist n = list; n != null; n = n.next) {
      if (n.data != null) {
        out.add(n.data);
      }
    }
    return out;
  }

  /**
   * @param strings strings in order
   * @return a list of them, or null when there are none
   */
  public static curl_slist of(List<String> strings) {
    curl_slist head = null;
    curl_slist tail = null;
    for (String s : strings) {
      curl_slist n = new curl_slist(s);
      if (head == null) {
        head = n;
      } else {
        tail.next = n;
      }
      tail = n;
    }
    return head;
  }

  /** @return the strings, for debugging */
  @Override
  public String toString() {
    return toList(this).toString();
  }
}
