package io.agentmetrics.server.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /healthz} (the process answers) and {@code /readyz} (started and not stopping). */
final class HealthHandlers {

  private final BooleanSupplier ready;

  HealthHandlers(BooleanSupplier ready) {
    this.ready = ready;
  }

  void health(Context ctx) {
    JsonResponses.send(ctx, 200, Map.of("status", "ok"));
  }

  void readiness(Context ctx) {
    boolean isReady = ready.getAsBoolean();
    JsonResponses.send(ctx, isReady ? 200 : 503, Map.of("status", isReady ? "ready" : "stopping"));
  }
}
