package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.stack.servers.PostgresServer;
import io.agentmetrics.stack.servers.RedisServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stack/run-local --postgres-dsn-file ... --redis-address ... --redis-password-file ...}
 * against a real PostgreSQL and a real Redis under load: it starts Debian's node, PostgreSQL and
 * Redis exporters beside Prometheus, the dashboards doctor (the CLI a user runs) finds data for
 * every panel of the Infrastructure dashboard but the container ones (cAdvisor cannot run here:
 * reported as not checkable), no password reaches its output or any log, and SIGTERM stops every
 * process it started.
 */
class RunLocalInfrastructureIT {

  private static final String SUPERUSER_PASSWORD = "superuser-" + System.nanoTime();
  private static final String EXPORTER_PASSWORD = "exporter-" + System.nanoTime();
  private static final String REDIS_PASSWORD = "redis-" + System.nanoTime();

  @TempDir Path dir;

  @Test
  void everyInfrastructurePanelHasDataFromRealServersAndNothingIsLeftBehind() throws Exception {
    for (String tool :
        List.of(
            "prometheus",
            "prometheus-alertmanager",
            "prometheus-node-exporter",
            "prometheus-postgres-exporter",
            "prometheus-redis-exporter")) {
      NativeTool.require(tool, tool);
    }
    Path root = RepoFiles.root();
    Path doctorJar = root.resolve("dashboards/target/agentmetrics-dashboards.jar");

    List<Process> load = new ArrayList<>();
    try (PostgresServer postgres = PostgresServer.start(SUPERUSER_PASSWORD);
        RedisServer redis = RedisServer.start(REDIS_PASSWORD, dir.resolve("redis.log"))) {
      // The exporter's role as docs/infrastructure.md sets it up: pg_monitor, nothing more.
      postgres.sql("postgres", "CREATE EXTENSION pg_stat_statements");
      postgres.sql(
          "postgres",
          "CREATE ROLE agentmetrics_exporter LOGIN PASSWORD '" + EXPORTER_PASSWORD + "'");
      postgres.sql("postgres", "GRANT pg_monitor TO agentmetrics_exporter");
      postgres.sql("postgres", "CREATE DATABASE agents");
      // The exporter's Redis user as docs/infrastructure.md sets it up.
      redis.command(
          "ACL",
          "SETUSER",
          "agentmetrics_exporter",
          "on",
          ">" + EXPORTER_PASSWORD,
          "-@all",
          "+@connection",
          "+info",
          "+config|get",
          "+client|list",
          "+slowlog|len",
          "+slowlog|get",
          "+latency|latest",
          "+cluster|info",
          "+memory|usage",
          "+select");
      load.add(postgres.pgbench("agents", 600));
      load.add(redis.benchmark(dir.resolve("redis-benchmark.log")));

      Path dsnFile = dir.resolve("postgres-dsn");
      Files.writeString(
          dsnFile,
          "postgresql://agentmetrics_exporter:"
              + EXPORTER_PASSWORD
              + "@127.0.0.1:"
              + postgres.port()
              + "/postgres?sslmode=disable\n");
      Path redisPasswordFile = dir.resolve("redis-password");
      Files.writeString(redisPasswordFile, EXPORTER_PASSWORD + "\n");

      List<ProcessHandle> started;
      Path workDir;
      try (RunLocalProcess runLocal =
          RunLocalProcess.start(
              dir,
              List.of(
                  "--server-port=0",
                  "--prometheus-port=0",
                  "--alertmanager-port=0",
                  "--node-exporter-port=0",
                  "--postgres-exporter-port=0",
                  "--redis-exporter-port=0",
                  "--scrape-interval=1",
                  "--postgres-dsn-file=" + dsnFile,
                  "--redis-address=" + redis.address(),
                  "--redis-user=agentmetrics_exporter",
                  "--redis-password-file=" + redisPasswordFile))) {
        assertThat(runLocal.printed())
            .contains("postgres exporter", "redis exporter", "node exporter");
        URI prometheus = runLocal.url("Prometheus");
        workDir = runLocal.workDir();
        started = runLocal.descendants();

        AtomicReference<String> report = new AtomicReference<>("");
        await("every Infrastructure panel has data")
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(3))
            .untilAsserted(
                () -> {
                  NativeTool.Result doctor =
                      NativeTool.run(
                          List.of(
                              "java",
                              "-jar",
                              doctorJar.toString(),
                              "doctor",
                              "--prometheus",
                              prometheus.toString(),
                              "--dashboard",
                              root.resolve(
                                      "dashboards/src/main/resources/io/agentmetrics/dashboards/"
                                          + "grafana/infrastructure.json")
                                  .toString(),
                              "--from",
                              "now-5m",
                              "--scrape-interval",
                              "1s"),
                          null);
                  report.set(doctor.output());
                  assertThat(doctor.exitCode()).as(doctor.output()).isZero();
                });
        String table = report.get();
        System.out.println(table);
        assertThat(table).doesNotContain("NO_DATA", "ERROR");
        for (String panel :
            List.of(
                "Container restarts", "Container last seen", "Container CPU", "Container memory")) {
          assertThat(table)
              .as(table)
              .containsPattern(
                  Pattern.quote(panel)
                      + "\\s+A\\s+0\\s+SKIPPED\\s+container target: not checkable without cAdvisor");
        }
        for (String panel :
            List.of(
                "Host CPU busy",
                "Disk free in 24 hours (forecast)",
                "PostgreSQL connections",
                "PostgreSQL mean query time",
                "PostgreSQL cache hit ratio",
                "Redis memory",
                "Redis hit ratio")) {
          assertThat(table).as(table).containsPattern(Pattern.quote(panel) + "\\s+A\\s+\\d+\\s+OK");
        }

        // No password in run-local's output or in any log or configuration it wrote but the
        // exporter's private password file.
        assertThat(runLocal.printed())
            .doesNotContain(EXPORTER_PASSWORD)
            .doesNotContain(REDIS_PASSWORD);
        try (Stream<Path> files = Files.walk(workDir)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            if (file.getFileName().toString().equals("redis-passwords.json")) {
              assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                  .isEqualTo("rw-------");
              continue;
            }
            if (file.toString().contains("prometheus-data")) {
              continue; // the TSDB: binary samples
            }
            assertThat(read(file))
                .as(file.toString())
                .doesNotContain(EXPORTER_PASSWORD)
                .doesNotContain(REDIS_PASSWORD);
          }
        }
      } finally {
        load.forEach(Process::destroyForcibly);
      }
      assertThat(started).as("run-local's processes").hasSizeGreaterThanOrEqualTo(6);
      assertThat(started).noneMatch(ProcessHandle::isAlive);
      assertThat(workDir).doesNotExist();
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }
}
