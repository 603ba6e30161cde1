package io.agentmetrics.integration.support;

import static org.awaitility.Awaitility.await;

import io.agentmetrics.stack.ManagedProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/** Waits until a process the tests started answers 200 on a readiness URL. */
public final class Ready {

  private Ready() {}

  /**
   * Polls {@code url} until it answers 200; fails with the end of the process's log when the
   * process exits or {@code timeout} passes.
   */
  public static void await200(ManagedProcess process, URI url, Duration timeout) {
    try {
      await(process.name() + " ready at " + url)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(process + " exited:\n" + process.logTail(30));
                }
                return Http.send(HttpRequest.newBuilder(url).GET()).statusCode() == 200;
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          process + " was not ready in " + timeout + ":\n" + process.logTail(30), e);
    }
  }
}
