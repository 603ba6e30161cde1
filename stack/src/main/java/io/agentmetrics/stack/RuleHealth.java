package io.agentmetrics.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads rule health from Prometheus's {@code /api/v1/rules} answer. */
public final class RuleHealth {

  private RuleHealth() {}

  /**
   * The rules whose health is not {@code ok}, as {@code group/rule: health lastError}.
   *
   * @param groups the {@code data.groups} array of a {@code /api/v1/rules} answer
   */
  public static List<String> unhealthyRules(Iterable<JsonNode> groups) {
    List<String> unhealthy = new ArrayList<>();
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        String health = rule.path("health").asText();
        if (!"ok".equals(health)) {
          unhealthy.add(
              group.path("name").asText()
                  + "/"
                  + rule.path("name").asText()
                  + ": "
                  + health
                  + " "
                  + rule.path("lastError").asText());
        }
      }
    }
    return unhealthy;
  }
}
