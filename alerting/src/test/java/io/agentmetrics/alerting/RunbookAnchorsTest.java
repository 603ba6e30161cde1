package io.agentmetrics.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunbookAnchorsTest {

  @Test
  void slugsLikeGitHub() {
    assertThat(RunbookAnchors.slug("AgentMetricsLlmErrorRateHigh"))
        .isEqualTo("agentmetricsllmerrorratehigh");
    assertThat(RunbookAnchors.slug("Target down (up == 0)")).isEqualTo("target-down-up--0");
    assertThat(RunbookAnchors.slug("The `for` of an alert")).isEqualTo("the-for-of-an-alert");
  }

  @Test
  void numbersRepeatedHeadingsAndIgnoresCodeBlocks() {
    String markdown =
        "# Runbooks\n## Causes\ntext\n## Causes\n```\n## NotAHeading\n```\n#NoSpace\n### Causes\n";

    assertThat(RunbookAnchors.of(markdown))
        .containsExactly("runbooks", "causes", "causes-1", "causes-2");
  }
}
