package io.curlew.tools;

/** The kinds of C variables a {@code --libcurl} program declares, by their C type. */
public enum VarKind {
  /** {@code CURLcode}: a transfer's result. */
  RESULT("CURLcode"),
  /** {@code CURL *}: an easy handle. */
  EASY("CURL *"),
  /** {@code struct curl_slist *}: a string list. */
  SLIST("struct curl_slist *"),
  /** {@code curl_mime *}: a MIME structure. */
  MIME("curl_mime *"),
  /** {@code curl_mimepart *}: a part of one. */
  PART("curl_mimepart *"),
  /** {@code int}, {@code long} or {@code curl_off_t}: a plain number. */
  NUMBER("int");

  private final String cType;

  VarKind(String cType) {
    this.cType = cType;
  }

  /** @return the C type, for messages */
  public String cType() {
    return cType;
  }

  /**
   * @param type a declaration's type words without stars
   * @param pointers its number of stars
   * @return the kind, or null when the converter does not know that type
   */
  public static VarKind of(String type, int pointers) {
    return switch (type + "*".repeat(pointers)) {
      case "CURLcode" -> RESULT;
      case "CURL*" -> EASY;
      case "struct curl_slist*" -> SLIST;
      case "curl_mime*" -> MIME;
      case "curl_mimepart*" -> PART;
      case "int", "long", "long int", "curl_off_t" -> NUMBER;
      default -> null;
    };
  }
}
