package io.agentmetrics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.catalogue.SourceConcepts.Concept;
import io.agentmetrics.catalogue.SourceConcepts.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceConceptsTest {

  private static final List<String> INFRASTRUCTURE_EXPORTERS =
      List.of(
          "node_exporter:",
          "postgres_exporter:",
          "redis_exporter:",
          "cAdvisor / kube-state-metrics:",
          "Grafana's own /metrics:");

  @Test
  void everyReferencedMetricIsInTheCatalogue() {
    List<String> missing = new ArrayList<>();
    for (Concept concept : SourceConcepts.all()) {
      for (String metric : concept.metrics()) {
        if (QueryCatalogue.byName(metric).isEmpty()) {
          missing.add(concept.system() + " / " + concept.concept() + ": " + metric);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everySystemHasMetricsAndOnlyInfrastructureGoesToExporters() {
    for (String system : SourceConcepts.SYSTEMS) {
      assertThat(SourceConcepts.of(system)).as(system).isNotEmpty();
      assertThat(SourceConcepts.of(system))
          .as(system)
          .anyMatch(concept -> concept.kind() == Kind.METRIC || concept.kind() == Kind.PANEL);
    }
    assertThat(SourceConcepts.all())
        .filteredOn(concept -> concept.exporter() != null)
        .allSatisfy(
            concept ->
                assertThat(INFRASTRUCTURE_EXPORTERS)
                    .anyMatch(prefix -> concept.exporter().startsWith(prefix)));
    assertThat(SourceConcepts.all()).hasSizeGreaterThan(100);
  }

  @Test
  void theSourceSystemsConceptsWithoutAnObviousNameAreServed() {
    assertThat(find("E. Agent API monitoring guide", "Tokens by agent type").metrics())
        .containsExactly(
            "gen_ai.client.inference.usage.input_tokens",
            "gen_ai.client.inference.usage.output_tokens");
    assertThat(MetricCatalogue.LLM_INPUT_TOKENS.labelNames()).contains("gen_ai_agent_name");
    assertThat(find("C. Agent platform", "Task orchestration: dependency resolution").metrics())
        .containsExactly("agent.tasks.blocked");
    assertThat(find("E. Agent API monitoring guide", "Redis memory").exporter())
        .startsWith("redis_exporter:");
  }

  private static Concept find(String system, String concept) {
    return SourceConcepts.of(system).stream()
        .filter(c -> c.concept().equals(concept))
        .findFirst()
        .orElseThrow(() -> new AssertionError(system + " has no concept " + concept));
  }
}
