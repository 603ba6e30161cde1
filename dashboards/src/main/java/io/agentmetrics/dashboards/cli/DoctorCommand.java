package io.agentmetrics.dashboards.cli;

import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.doctor.Doctor;
import io.agentmetrics.dashboards.doctor.DoctorOptions;
import io.agentmetrics.dashboards.doctor.DoctorReport;
import io.agentmetrics.dashboards.doctor.PrometheusClient;
import io.agentmetrics.dashboards.doctor.QueryResult;
import io.agentmetrics.dashboards.doctor.RelativeTime;
import io.agentmetrics.dashboards.doctor.TargetCheck;
import io.agentmetrics.dashboards.interpolate.GrafanaDurations;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dashboards doctor}: runs every panel query against a live Prometheus. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Run every panel query of the dashboards against a live Prometheus, as Grafana would with"
          + " every variable at All, and print dashboard, panel, refId, series count and status.",
      "Targets on other data sources (the overview's Loki logs) are listed as SKIPPED, not"
          + " failed.",
      "Exits 1 when any query returns no data or fails (2 on bad input or when Prometheus cannot be reached): run it when a panel says \"No data\"."
    })
final class DoctorCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--prometheus",
      required = true,
      description = "Prometheus base URL, e.g. http://127.0.0.1:9090")
  private URI prometheus;

  @Option(
      names = "--from",
      defaultValue = "now-1h",
      description = "Start of the time range (default: ${DEFAULT-VALUE}).")
  private String from;

  @Option(
      names = "--to",
      defaultValue = "now",
      description = "End of the time range (default: ${DEFAULT-VALUE}).")
  private String to;

  @Option(names = "--step", description = "Fixed query_range step, e.g. 15s, instead of Grafana's.")
  private String step;

  @Option(
      names = "--scrape-interval",
      defaultValue = "15s",
      description = "The Grafana data source's scrape interval (default: ${DEFAULT-VALUE}).")
  private String scrapeInterval;

  @Option(
      names = "--max-data-points",
      defaultValue = "" + DoctorOptions.DEFAULT_MAX_DATA_POINTS,
      description = "Max data points of a panel (default: ${DEFAULT-VALUE}).")
  private int maxDataPoints;

  @Option(names = "--job", description = "Value(s) of the job variable instead of All.")
  private List<String> jobs = List.of();

  @Option(names = "--instance", description = "Value(s) of the instance variable instead of All.")
  private List<String> instances = List.of();

  @Option(
      names = "--dashboard",
      description = "Dashboard JSON file(s) to check instead of the bundled ones.")
  private List<Path> files = List.of();

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      description = "Timeout of each query (default: ${DEFAULT-VALUE}).")
  private String timeout;

  @Option(
      names = "--show-queries",
      description = "Print every query as sent, not only the failing ones.")
  private boolean showQueries;

  @Override
  public Integer call() {
    Instant now = Instant.now();
    Map<String, List<String>> selections = new LinkedHashMap<>();
    if (!jobs.isEmpty()) {
      selections.put("job", jobs);
    }
    if (!instances.isEmpty()) {
      selections.put("instance", instances);
    }
    DoctorOptions options =
        new DoctorOptions(
            RelativeTime.parse(from, now),
            RelativeTime.parse(to, now),
            scrapeInterval,
            maxDataPoints,
            step == null ? null : GrafanaDurations.parse(step),
            selections);
    Duration queryTimeout = GrafanaDurations.parse(timeout);
    List<Dashboard> dashboards =
        files.isEmpty() ? Dashboards.loadAll() : files.stream().map(Dashboards::read).toList();
    PrometheusClient client = new PrometheusClient(prometheus, queryTimeout);
    QueryResult probe = client.query("1", options.to());
    if (probe.failed()) {
      throw new IllegalStateException(
          "cannot query Prometheus at " + prometheus + ": " + probe.error());
    }
    List<TargetCheck> checks = new Doctor(client, options).examine(dashboards);
    PrintWriter out = spec.commandLine().getOut();
    out.print(DoctorReport.table(checks, showQueries));
    out.flush();
    return DoctorReport.failed(checks) ? 1 : 0;
  }
}
