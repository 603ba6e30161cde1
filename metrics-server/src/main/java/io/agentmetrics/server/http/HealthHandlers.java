package io.agentmetrics.server.http;

import io.javalin.http.Context;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process answers) and {@code /readyz} (started and not stopping). */
final class HealthHandlers {

  private final BooleanSupplier ready;

  HealthHandlers(BooleanSupplier ready) {
    this.ready = ready;
  }

  void health(Context ctx) {
    JsonResponses.status(ctx, 200, "ok");
  }

  void readiness(Context ctx) {
    boolean isReady = ready.getAsBoolean();
    JsonResponses.status(ctx, isReady ? 200 : 503, isReady ? "ready" : "stopping");
  }
}
