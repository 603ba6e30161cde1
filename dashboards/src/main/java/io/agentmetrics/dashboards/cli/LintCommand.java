package io.agentmetrics.dashboards.cli;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.lint.LintProblem;
import io.agentmetrics.dashboards.lint.Linter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dashboards lint [FILE...]}: lints dashboards, the bundled ones by default. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Lint dashboards (the bundled ones unless files are given). Exits 1 on findings.")
final class LintCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Dashboard JSON files to lint as one set.")
  private List<Path> files = List.of();

  @Override
  public Integer call() {
    List<Dashboard> dashboards =
        files.isEmpty() ? Dashboards.loadAll() : files.stream().map(Dashboards::read).toList();
    List<LintProblem> problems = Linter.standard().lint(dashboards);
    PrintWriter out = spec.commandLine().getOut();
    problems.forEach(out::println);
    out.printf("%d dashboards, %d findings%n", dashboards.size(), problems.size());
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }
}
