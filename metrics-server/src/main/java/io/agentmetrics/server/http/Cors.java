package io.agentmetrics.server.http;

import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * CORS for the configured origins through Javalin's CORS plugin; no origin is allowed by default.
 */
final class Cors {

  private Cors() {}

  static void configure(JavalinConfig config, List<String> origins) {
    if (origins.isEmpty()) {
      return;
    }
    config.bundledPlugins.enableCors(
        cors ->
            cors.addRule(
                rule -> {
                  if (origins.contains("*")) {
                    rule.anyHost();
                  } else {
                    rule.allowHost(
                        origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                  }
                  rule.maxAge = 600;
                }));
  }
}
