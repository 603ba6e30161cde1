package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RuleHealthTest {

  @Test
  void listsOnlyTheRulesThatAreNotOk() throws Exception {
    var groups =
        new ObjectMapper()
            .readTree(
                """
                [{"name":"llm.rules","rules":[
                   {"name":"job:a:rate5m","health":"ok","lastError":""},
                   {"name":"job:b:rate5m","health":"err","lastError":"many-to-many matching"}]},
                 {"name":"slo.alerts","rules":[
                   {"name":"AgentMetricsSloBurn","health":"unknown","lastError":""}]}]
                """);
    assertThat(RuleHealth.unhealthyRules(groups))
        .containsExactly(
            "llm.rules/job:b:rate5m: err many-to-many matching",
            "slo.alerts/AgentMetricsSloBurn: unknown ");
  }
}
