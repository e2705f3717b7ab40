package io.curlew.testing;

import io.curlew.CurlEasy;
import io.curlew.CurlException;
import io.curlew.CurlMulti;
import io.curlew.async.CurlClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The three ways to drive a transfer, behind one call, so a transfer test runs unchanged
 * in each: {@link CurlEasy#perform()}, a {@link CurlMulti} with perform and poll, and the
 * socket_action engine ({@link CurlClient}). Each throws what perform() would.
 */
public enum Driver {
  /** {@code curl_easy_perform}. */
  PERFORM {
    @Override
    public void run(CurlEasy easy) throws Exception {
      easy.perform();
    }
  },
  /** {@code curl_multi_perform} + {@code curl_multi_poll}. */
  MULTI {
    @Override
    public void run(CurlEasy easy) throws Exception {
      try (CurlMulti multi = new CurlMulti()) {
        multi.add(easy);
        CurlMulti.Done done = null;
        try {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
          while (multi.perform() > 0) {
            if (System.nanoTime() > deadline) {
              throw new TimeoutException("transfer did not finish");
            }
            multi.poll(Duration.ofMillis(500));
          }
          done = multi.infoRead().orElseThrow();
        } finally {
          multi.remove(easy);
        }
        Exception e = done.exception();
        if (e != null) {
          throw e;
        }
      }
    }
  },
  /** {@code curl_multi_socket_action} from curlew's native epoll loop. */
  ENGINE {
    @Override
    public void run(CurlEasy easy) throws Exception {
      try {
        client().execute(easy).get(120, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof Exception ex) {
          throw ex;
        }
        throw (Error) c;
      }
    }
  };

  private static CurlClient client;

  private static synchronized CurlClient client() {
    if (client == null) {
      client = CurlClient.builder().loops(1).build();
      // closed at exit: the sanitizer run's leak check (.ci/asan-check.sh) runs after the
      // shutdown hooks and should find the native loop freed, not still in use
      Runtime.getRuntime().addShutdownHook(new Thread(client::close, "driver-client-close"));
    }
    return client;
  }

  /**
   * Runs the transfer to its end.
   *
   * @param easy a configured handle
   * @throws Exception what perform() would throw: a CurlException, or a callback's exception
   */
  public abstract void run(CurlEasy easy) throws Exception;

  /** Helper for tests: the CurlException the transfer ends in. */
  public CurlException failure(CurlEasy easy) {
    try {
      run(easy);
    } catch (CurlException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a CurlException, got " + e, e);
    }
    throw new AssertionError("the transfer did not fail");
  }
}
