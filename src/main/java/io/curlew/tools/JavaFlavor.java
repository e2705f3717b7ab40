package io.curlew.tools;

import io.curlew.CurlOption;
import java.util.Set;

/**
 * How one kind of Java program writes each operation of a {@code --libcurl} program: the
 * raw layer under libcurl's C names ({@link RawFlavor}) or the idiomatic layer
 * ({@link IdiomaticFlavor}). {@link ProgramTranslator} has already checked the C program
 * when it calls these; a flavor may still refuse what its layer cannot express, with a
 * {@link ConversionException} for the line.
 */
public interface JavaFlavor {

  /**
   * @return the imports the code written so far needs, each as the text between
   *     {@code import} and the semicolon
   */
  Set<String> imports();

  /** @return a sentence for the class Javadoc naming the layer the program uses */
  String layer();

  /**
   * @param kind the variable's kind
   * @param name its Java name
   * @return the Java declaration without initializer, for example {@code CURL curl;}
   */
  String declare(VarKind kind, String name);

  /**
   * @param code where to write
   * @param var the handle variable
   */
  void easyInit(JavaCode code, String var);

  /**
   * @param code where to write
   * @param var the handle variable
   */
  void easyCleanup(JavaCode code, String var);

  /**
   * @param code where to write
   * @param var the handle variable
   * @param line the C line, for refusals
   */
  void easyReset(JavaCode code, String var, int line);

  /**
   * @param code where to write
   * @param result the variable that receives the CURLcode, or null
   * @param var the handle variable
   */
  void perform(JavaCode code, String result, String var);

  /**
   * @param code where to write
   * @param var the handle variable
   * @param option the option
   * @param value its checked value
   * @param line the C line, for refusals
   */
  void setopt(JavaCode code, String var, CurlOption<?> option, OptionValue value, int line);

  /**
   * @param code where to write
   * @param var a variable
   * @param kind its kind
   */
  void assignNull(JavaCode code, String var, VarKind kind);

  /**
   * {@code target = curl_slist_append(source, "text")}.
   *
   * @param code where to write
   * @param target the variable assigned
   * @param source the list appended to, or null for C's NULL
   * @param sourceIsNull whether {@code source} is known to be NULL at this point
   * @param text the string
   * @param line the C line, for refusals
   */
  void slistAppend(JavaCode code, String target, String source, boolean sourceIsNull,
      String text, int line);

  /**
   * @param code where to write
   * @param var the list
   * @param isNull whether it is known to be NULL at this point
   */
  void slistFreeAll(JavaCode code, String var, boolean isNull);

  /**
   * @param code where to write
   * @param var the MIME variable
   * @param easy the handle it is for
   */
  void mimeInit(JavaCode code, String var, String easy);

  /**
   * @param code where to write
   * @param part the part variable
   * @param mime the MIME structure
   */
  void mimeAddPart(JavaCode code, String part, String mime);

  /**
   * {@code curl_mime_name}, {@code _filename}, {@code _type}, {@code _encoder}.
   *
   * @param code where to write
   * @param function the C function
   * @param part the part
   * @param text the string, or null for C's NULL
   */
  void mimeString(JavaCode code, String function, String part, String text);

  /**
   * @param code where to write
   * @param part the part
   * @param bytes exactly the part's content
   * @param text the content as text when it is UTF-8 without NUL and was passed with
   *     CURL_ZERO_TERMINATED, else null
   */
  void mimeData(JavaCode code, String part, byte[] bytes, String text);

  /**
   * @param code where to write
   * @param part the part
   * @param file the file name
   */
  void mimeFiledata(JavaCode code, String part, String file);

  /**
   * @param code where to write
   * @param part the part
   * @param mime the nested MIME structure, or null for C's NULL
   */
  void mimeSubparts(JavaCode code, String part, String mime);

  /**
   * @param code where to write
   * @param part the part
   * @param slist the header list, or null for C's NULL
   */
  void mimeHeaders(JavaCode code, String part, String slist);

  /**
   * {@code curl_mime_data_cb(part, size, fread, fseek or NULL, NULL, stdin)}: the part's
   * content is read from standard input.
   *
   * @param code where to write
   * @param part the part
   * @param size the content's size, -1 when unknown
   * @param seek whether the program passes fseek
   */
  void mimeDataFromStdin(JavaCode code, String part, long size, boolean seek);

  /**
   * @param code where to write
   * @param var the MIME structure
   * @param isNull whether it is known to be NULL at this point
   */
  void mimeFree(JavaCode code, String var, boolean isNull);

  /**
   * {@code curl_global_init} and {@code curl_global_cleanup}.
   *
   * @param code where to write
   * @param call the C call as written, for a comment
   * @param init whether it is the init
   * @param flags the init flags' Java expression, for init
   */
  void global(JavaCode code, String call, boolean init, String flags);

  /**
   * The end of main: {@code return X;}.
   *
   * @param code where to write
   * @param value the Java expression of the exit status
   */
  void exit(JavaCode code, String value);

  /**
   * Notes the flavor adds under the tool's list of options it could not write.
   *
   * @param code where to write
   */
  void afterToolComment(JavaCode code);

  /**
   * Writes the helper methods the operations used, at the end of the class.
   *
   * @param code where to write
   * @param className the class
   */
  void helpers(JavaCode code, String className);

  /**
   * @param cName one of libcurl's numeric constants, such as {@code CURLAUTH_BASIC}
   * @return how this flavor's Java names it
   */
  String constantName(String cName);
}
