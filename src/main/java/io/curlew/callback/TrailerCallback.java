package io.curlew.callback;

import java.util.List;

/**
 * Supplies the trailers of a chunked upload ({@code CURLOPT_TRAILERFUNCTION}).
 */
@FunctionalInterface
public interface TrailerCallback {
  /**
   * @return the trailer lines ("Name: value"), or an empty list
   * @throws Exception to abort the transfer
   */
  List<String> trailers() throws Exception;
}
