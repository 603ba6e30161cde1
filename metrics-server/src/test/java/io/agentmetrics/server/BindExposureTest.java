package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.cli.ServerCommand;
import io.agentmetrics.server.http.HttpAuth;
import io.agentmetrics.server.http.HttpRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The server binds this host only unless told otherwise, and says so at WARN when it takes pushes
 * from every interface without ingest credentials.
 */
class BindExposureTest {

  /** The lines at {@code level} the server logs while it starts as {@code start} does. */
  private static List<String> logOfAStart(Level level, Supplier<AutoCloseable> start)
      throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(HttpRoutes.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    Level before = log.getLevel();
    log.setLevel(Level.INFO);
    try (AutoCloseable server = start.get()) {
      return logged.list.stream()
          .filter(event -> event.getLevel() == level)
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    } finally {
      log.detachAppender(logged);
      log.setLevel(before);
    }
  }

  private static List<String> warningsOfAStart(UnaryOperator<MetricsServer.Builder> options)
      throws Exception {
    return logOfAStart(Level.WARN, () -> new TestServer(options));
  }

  @Test
  void theDefaultAddressIsThisHostOnly() throws Exception {
    CommandLine cli = ServerCommand.commandLine(new ServerCommand(Map.of()));
    cli.parseArgs();
    assertThat(cli.getCommandSpec().findOption("--bind").<String>getValue()).isEqualTo("127.0.0.1");

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerAgentMetrics metrics = MicrometerAgentMetrics.builder(registry).build();
    assertThat(
            logOfAStart(
                Level.INFO,
                () ->
                    MetricsServer.builder()
                        .port(0)
                        .registry(registry)
                        .metrics(metrics)
                        .build()
                        .start()))
        .anyMatch(line -> line.startsWith("agentmetrics server listening on http://127.0.0.1:"));
  }

  @Test
  void everyInterfaceWithoutIngestCredentialsIsWarnedAbout() throws Exception {
    assertThat(warningsOfAStart(b -> b.host("0.0.0.0")))
        .singleElement()
        .asString()
        .contains("ingest is open to anyone who can reach 0.0.0.0:", "--ingest-token-file");
    assertThat(
            warningsOfAStart(b -> b.host("0.0.0.0").ingestAuth(HttpAuth.bearer("ingest-token-7"))))
        .isEmpty();
    assertThat(warningsOfAStart(b -> b.host("127.0.0.1"))).isEmpty();
  }
}
