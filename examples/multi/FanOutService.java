package examples.multi;

import examples.support.ExampleServer;
import io.curlew.CurlException;
import io.curlew.async.CurlClient;
import io.curlew.async.CurlRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A service call that fans out: 1,000 requests at once with {@link CurlClient}, results
 * gathered with {@code CompletableFuture.allOf}. CurlClient runs libcurl's multi_socket
 * interface on its own event-loop threads (see MultiSocket for the same in Java), so a
 * thousand requests in flight cost no thread each. Each request ends in a future; failures
 * are values to aggregate, not exceptions to stop at.
 *
 * <p>Usage: {@code FanOutService [URL-TEMPLATE [COUNT]]}, where {@code {n}} in the template is
 * replaced by the request's number; without one it asks a local {@link ExampleServer} for
 * {@code /square?n={n}} and adds up the answers.
 */
public final class FanOutService {

  /** One request's outcome: a status and body, or why there is none. */
  record Result(int n, int status, String body, String failure) {
  }

  private FanOutService() {
  }

  public static void main(String[] args) throws IOException {
    int rc;
    try (ExampleServer local = ExampleServer.unlessUrlGiven(args)) {
      String template = local == null ? args[0] : local.url("/square?n={n}");
      rc = run(template, args.length > 1 ? Integer.parseInt(args[1]) : 1000);
    }
    System.exit(rc);
  }

  static int run(String template, int count) {
    // Two event loops, at most 8 connections per host on each: the rest of the requests
    // wait in libcurl's queue for a free connection, which keeps a small server happy.
    try (CurlClient client = CurlClient.builder().loops(2).maxHostConnections(8).build()) {
      List<CompletableFuture<Result>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        CurlRequest request = CurlRequest.newBuilder(template.replace("{n}", String.valueOf(n)))
            .timeout(Duration.ofSeconds(30)).build();
        // thenApply runs on the loop thread that finished the transfer: keep it short
        calls.add(client.send(request)
            .thenApply(r -> new Result(n, r.status(), r.bodyAsString(), null))
            .exceptionally(t -> new Result(n, 0, "", describe(t))));
      }
      // one future that completes when all of them have
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();

      Map<String, Integer> outcomes = new TreeMap<>();
      long sum = 0;
      int numeric = 0;
      for (CompletableFuture<Result> call : calls) {
        Result r = call.join(); // done already: join() does not wait
        outcomes.merge(r.failure() != null ? r.failure() : "HTTP " + r.status(), 1,
            Integer::sum);
        if (r.status() == 200 && r.body().strip().matches("-?\\d{1,18}")) {
          sum += Long.parseLong(r.body().strip());
          numeric++;
        }
      }
      System.out.println(count + " requests: " + outcomes);
      System.out.println("numeric answers: " + numeric + ", sum " + sum);
      return outcomes.keySet().equals(java.util.Set.of("HTTP 200")) ? 0 : 1;
    }
  }

  private static String describe(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause instanceof CurlException e ? e.code().toString() : cause.toString();
  }
}
