package io.agentmetrics.core;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.BudgetPeriod;
import io.agentmetrics.api.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spending budgets as configuration: a CSV file of {@code period,team,limit_usd} rows ({@code
 * daily} or {@code monthly}; an empty team is the whole application), set through {@link
 * AgentMetrics#budget(BudgetPeriod, String, double)} at startup, so that budgets survive a restart
 * without an agent pushing them again.
 */
public final class BudgetsFile {

  /** The header line of a budgets file. */
  public static final String HEADER = "period,team,limit_usd";

  /** One budget of the file. */
  public record Budget(BudgetPeriod period, String team, double limitUsd) {}

  private final List<Budget> budgets;

  private BudgetsFile(List<Budget> budgets) {
    this.budgets = List.copyOf(budgets);
  }

  /**
   * Reads a budgets file.
   *
   * @throws IllegalArgumentException naming the file and line when it is unreadable or malformed
   */
  public static BudgetsFile load(Path csv) {
    List<Budget> budgets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CsvTable.Row row :
        CsvTable.rows(
            "budgets file", csv.toString(), CsvTable.readLines("budgets file", csv), HEADER)) {
      String periodText = row.cells()[0].strip();
      BudgetPeriod period = BudgetPeriod.fromLabel(periodText);
      if (period == null) {
        throw new IllegalArgumentException(
            row.where() + "the period '" + periodText + "' is not daily or monthly");
      }
      String team = row.cells()[1].strip();
      if (!team.isEmpty() && !Labels.TEAM.policy().allows(team)) {
        throw new IllegalArgumentException(
            row.where() + "the team '" + team + "' is not " + Labels.TEAM.policy().describe());
      }
      if (!seen.add(period.label() + "," + team)) {
        throw new IllegalArgumentException(
            row.where() + "a second " + period.label() + " budget for " + describe(team));
      }
      budgets.add(new Budget(period, team, row.nonNegative(2, "limit")));
    }
    return new BudgetsFile(budgets);
  }

  /** The budgets, in file order. */
  public List<Budget> budgets() {
    return budgets;
  }

  /** Sets every budget on {@code metrics}. */
  public void applyTo(AgentMetrics metrics) {
    budgets.forEach(b -> metrics.budget(b.period(), b.team(), b.limitUsd()));
  }

  private static String describe(String team) {
    return team.isEmpty() ? "the whole application" : "team " + team;
  }
}
