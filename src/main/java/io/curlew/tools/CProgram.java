package io.curlew.tools;

import java.util.List;

/**
 * A parsed {@code --libcurl} program: what precedes {@code main} and the statements of
 * its body.
 *
 * @param preamble comments before {@code main} (the tool's banner), in order
 * @param includes the {@code #include} lines and other directives, in order
 * @param body the statements and comments of {@code main}'s body, in order
 * @param trailer comments after {@code main} (the tool's "End of sample code")
 */
public record CProgram(List<String> preamble, List<String> includes, List<CStatement> body,
    List<String> trailer) {
}
