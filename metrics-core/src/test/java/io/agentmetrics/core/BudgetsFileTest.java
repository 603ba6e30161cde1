package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.api.BudgetPeriod;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetsFileTest {

  @TempDir Path dir;

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("budgets.csv"), content);
  }

  @Test
  void setsEveryBudgetPerPeriodAndTeam() throws IOException {
    BudgetsFile budgets =
        BudgetsFile.load(file("period,team,limit_usd\ndaily,,100\n\n# teams\ndaily,search,20\n"));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    budgets.applyTo(MicrometerAgentMetrics.builder(registry).build());

    assertThat(budgets.budgets())
        .containsExactly(
            new BudgetsFile.Budget(BudgetPeriod.DAILY, "", 100),
            new BudgetsFile.Budget(BudgetPeriod.DAILY, "search", 20));
    assertThat(
            registry
                .get("agent.budget.limit")
                .tags("period", "daily", "team", "search")
                .gauge()
                .value())
        .isEqualTo(20);
  }

  @Test
  void errorsNameTheFileLineAndProblem() throws IOException {
    assertThatThrownBy(() -> BudgetsFile.load(file("period,team,limit_usd\nweekly,,5\n")))
        .hasMessageContaining("line 2: the period 'weekly' is not daily or monthly");
    assertThatThrownBy(() -> BudgetsFile.load(file("period,team,limit_usd\ndaily,,-5\n")))
        .hasMessageContaining("line 2: the limit must be a finite number >= 0");
    assertThatThrownBy(
            () -> BudgetsFile.load(file("period,team,limit_usd\ndaily,a,1\ndaily,a,2\n")))
        .hasMessageContaining("line 3: a second daily budget for team a");
    assertThatThrownBy(() -> BudgetsFile.load(file("daily,,1\n")))
        .hasMessageContaining("line 1: expected the header 'period,team,limit_usd'");
  }
}
