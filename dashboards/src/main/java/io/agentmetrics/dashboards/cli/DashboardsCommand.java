package io.agentmetrics.dashboards.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dashboards} command line: list, lint and doctor. */
@Command(
    name = "dashboards",
    mixinStandardHelpOptions = true,
    version = "agentmetrics dashboards 0.1.0",
    description =
        "agentmetrics' Grafana dashboards: list them, lint them, and check their queries.",
    subcommands = {ListCommand.class, LintCommand.class, DoctorCommand.class})
public final class DashboardsCommand implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    return new CommandLine(new DashboardsCommand())
        .setExecutionExceptionHandler(DashboardsCommand::reportError)
        .execute(args);
  }

  /** Bad input or an unreachable Prometheus: one clear line and exit code 2, no stack trace. */
  private static int reportError(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    commandLine.getErr().println("error: " + e.getMessage());
    commandLine.getErr().flush();
    return 2;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
