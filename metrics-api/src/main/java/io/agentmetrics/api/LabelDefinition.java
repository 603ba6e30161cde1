package io.agentmetrics.api;

import java.util.Objects;

/**
 * A label of a metric: its key as recorded (Micrometer tag key, dotted for OpenTelemetry
 * attributes), a description and the policy for its values.
 *
 * @param key the tag key, e.g. {@code gen_ai.provider.name}
 * @param description what the label distinguishes
 * @param policy which values it may take
 */
public record LabelDefinition(String key, String description, LabelPolicy policy) {

  /** Validates the definition. */
  public LabelDefinition {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(policy, "policy");
  }

  /** The label name as it appears in Prometheus, e.g. {@code gen_ai_provider_name}. */
  public String prometheusName() {
    return PrometheusNames.sanitize(key);
  }
}
