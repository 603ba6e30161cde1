package io.agentmetrics.integration;

import io.agentmetrics.integration.IntegrationReport.Result;
import io.agentmetrics.integration.IntegrationReport.Row;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The JUnit extension of the end-to-end scenarios: starts the shared {@link Environment} before the
 * first scenario class (skipping or failing it when no backend is available), injects it into test
 * methods, and records every check's backend and result in the integration report.
 *
 * <pre>{@code
 * @ExtendWith(EndToEnd.class)
 * class SomeIT {
 *   @Test
 *   void works(Environment environment) { ... environment.stack().prometheus() ... }
 * }
 * }</pre>
 */
public final class EndToEnd implements BeforeAllCallback, ParameterResolver, TestWatcher {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EndToEnd.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    EndToEndSession session = session(context);
    try {
      session.environment();
    } catch (RuntimeException | AssertionError e) {
      Result result =
          e instanceof org.opentest4j.TestAbortedException ? Result.SKIPPED : Result.FAILED;
      session
          .report()
          .add(new Row(context.getDisplayName(), "(all checks)", "", result, e.getMessage()));
      throw e;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Environment.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session(context).environment();
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    record(context, Result.PASSED, "");
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    record(context, Result.FAILED, String.valueOf(cause.getMessage()));
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    record(context, Result.SKIPPED, String.valueOf(cause.getMessage()));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    record(context, Result.SKIPPED, reason.orElse("disabled"));
  }

  private static void record(ExtensionContext context, Result result, String detail) {
    EndToEndSession session = session(context);
    String notes = session.drainNotes();
    String text = result == Result.PASSED ? notes : detail;
    String scenario = context.getParent().map(ExtensionContext::getDisplayName).orElse("");
    session
        .report()
        .add(new Row(scenario, context.getDisplayName(), session.backendLabel(), result, text));
  }

  private static EndToEndSession session(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            EndToEndSession.class,
            key ->
                new EndToEndSession(
                    Path.of(System.getProperty("agentmetrics.repoRoot", ".."))
                        .toAbsolutePath()
                        .normalize(),
                    Path.of(System.getProperty("agentmetrics.it.reportDir", "target"))
                        .toAbsolutePath()),
            EndToEndSession.class);
  }
}
