package io.agentmetrics.dashboards.cli;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dashboards list}: the bundled dashboards. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the bundled dashboards.")
final class ListCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Dashboard d : Dashboards.loadAll()) {
      out.printf(
          "%-26s %-30s %-40s %d panels%n", d.fileName(), d.uid(), d.title(), d.panels().size());
    }
    out.flush();
    return 0;
  }
}
