package io.agentmetrics.stack.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.testing.NativeTool;
import io.agentmetrics.stack.RepoFiles;
import io.agentmetrics.stack.config.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose files as {@code docker-compose config} (the 1.29 client of Debian) reads them: valid,
 * every bind-mounted file present, pinned images, health checks, limits within 4 vCPU / 16 GB.
 */
class ComposeConfigTest {

  @TempDir static Path tempDir;

  private static final List<String> SERVICES =
      List.of("metrics-server", "prometheus", "alertmanager", "grafana", "loki");

  /** The exporters under profiles (host, postgres, redis, cadvisor), started only on request. */
  private static final Map<String, String> PROFILED =
      Map.of(
          "node-exporter",
          "host",
          "postgres-exporter",
          "postgres",
          "redis-exporter",
          "redis",
          "cadvisor",
          "cadvisor");

  /** Images with nothing inside that could probe them (FROM scratch), and why that is fine. */
  private static final Map<String, String> WITHOUT_HEALTHCHECK =
      Map.of("redis-exporter", "FROM scratch; Prometheus' up and redis_up are its health");

  @Test
  void composeAcceptsTheStackWhenThePasswordFileIsSetAndGivesItToGrafanaAsASecret() {
    JsonNode config = config("compose.yaml");

    assertThat(fieldNames(config.path("services"))).containsAll(SERVICES);
    JsonNode grafana = config.at("/services/grafana");
    assertThat(grafana.at("/environment/GF_SECURITY_ADMIN_PASSWORD__FILE").asText())
        .isEqualTo("/run/secrets/grafana_admin_password");
    assertThat(grafana.path("environment").has("GF_SECURITY_ADMIN_PASSWORD"))
        .as("a password in the environment shows in docker inspect")
        .isFalse();
    assertThat(grafana.path("secrets").toString()).contains("grafana_admin_password");
    assertThat(Path.of(config.at("/secrets/grafana_admin_password/file").asText()))
        .isEqualTo(passwordFile());
  }

  @Test
  void grafanaDoesNotStartWithAMissingEmptyOrUnreadablePasswordFile(@TempDir Path dir)
      throws Exception {
    // The entrypoint guard as compose hands it to the container, run by this machine's sh with
    // Grafana's /run.sh replaced by a script that says it started.
    JsonNode entrypoint = config("compose.yaml").at("/services/grafana/entrypoint");
    assertThat(entrypoint.get(0).asText()).isEqualTo("/bin/sh");
    Path runSh = dir.resolve("run.sh");
    Files.writeString(runSh, "#!/bin/sh\necho grafana started\n");
    runSh.toFile().setExecutable(true);
    // config prints compose's escape $$ as is; the container gets $.
    String script =
        entrypoint.get(2).asText().replace("$$", "$").replace("/run.sh", runSh.toString());
    Path empty = Files.writeString(dir.resolve("empty"), "");
    Path good = Files.writeString(dir.resolve("good"), "not-a-real-password");
    Path directory = Files.createDirectory(dir.resolve("created-by-docker"));

    for (Path refused : List.of(dir.resolve("missing"), empty, directory)) {
      NativeTool.Result result = guard(script, refused);
      assertThat(result.exitCode()).as(refused + ": " + result.output()).isEqualTo(1);
      assertThat(result.output())
          .contains("Grafana is not started")
          .doesNotContain("grafana started");
    }
    // A 600 file of another user, as Grafana's uid 472 sees a file of the host user's: refused.
    java.util.Optional<Path> setpriv = NativeTool.find("setpriv");
    if (System.getProperty("user.name").equals("root") && setpriv.isPresent()) {
      Path private600 = Files.writeString(dir.resolve("private"), "not-a-real-password");
      Files.setPosixFilePermissions(
          private600, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      Files.setPosixFilePermissions(
          dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      NativeTool.Result result =
          NativeTool.run(
              List.of(
                  setpriv.get().toString(),
                  "--reuid",
                  "65534",
                  "--regid",
                  "65534",
                  "--clear-groups",
                  "env",
                  "GF_SECURITY_ADMIN_PASSWORD__FILE=" + private600,
                  "/bin/sh",
                  "-c",
                  script,
                  "grafana"),
              null);
      assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
      assertThat(result.output()).contains("not readable by uid 65534");
    }
    NativeTool.Result started = guard(script, good);
    assertThat(started.exitCode()).as(started.output()).isZero();
    assertThat(started.output()).contains("grafana started").doesNotContain("not-a-real");
  }

  private static NativeTool.Result guard(String script, Path passwordFile) {
    return NativeTool.run(
        List.of(
            "env",
            "GF_SECURITY_ADMIN_PASSWORD__FILE=" + passwordFile,
            "/bin/sh",
            "-c",
            script,
            "grafana"),
        null);
  }

  @Test
  void alertmanagerIsSilentByDefaultAndNotifiesWhenAsked() {
    ComposeFile compose = ComposeFile.read(RepoFiles.resolve("stack/compose.yaml"));
    Map<String, String> expected =
        Map.of(
            "silent", "stack/alertmanager/silent/alertmanager.yml",
            "notifying", "alerting/alertmanager/alertmanager.yml");
    expected.forEach(
        (choice, file) -> {
          JsonNode command =
              choice.equals("silent")
                  ? config("compose.yaml").at("/services/alertmanager/command")
                  : config(Map.of("ALERTMANAGER_CONFIG", choice), "compose.yaml")
                      .at("/services/alertmanager/command");
          String configFile = command.get(0).asText().substring("--config.file=".length()).strip();
          assertThat(command.get(0).asText()).startsWith("--config.file=");
          assertThat(compose.hostPath("alertmanager", configFile))
              .as(choice)
              .contains(RepoFiles.resolve(file));
        });
  }

  @Test
  void configurationsAreMountedAsDirectoriesSoThatGitPullReachesRunningContainers() {
    ComposeFile compose = ComposeFile.read(RepoFiles.resolve("stack/compose.yaml"));
    for (String service : List.of("prometheus", "alertmanager", "loki")) {
      for (ComposeFile.BindMount mount : compose.bindMounts(service)) {
        assertThat(mount.hostPath()).as(service + " " + mount.containerPath()).isDirectory();
      }
    }
    assertThat(compose.hostPath("grafana", "/etc/grafana/provisioning/dashboards"))
        .hasValueSatisfying(path -> assertThat(path).isDirectory());

    ComposeFile scale = ComposeFile.read(RepoFiles.resolve("stack/compose.scale.yaml"));
    assertThat(scale.hostPath("prometheus", "/etc/prometheus/config/prometheus.yml"))
        .contains(RepoFiles.resolve("stack/prometheus/scale/prometheus.yml"));
    JsonNode merged = config("compose.yaml", "compose.scale.yaml");
    assertThat(merged.at("/services/prometheus/volumes").toString())
        .as("the overlay's directory replaces the base's at the same target")
        .contains("prometheus/scale")
        .doesNotContain("stack/prometheus:/etc/prometheus/config");
  }

  @Test
  void theOptionalExportersRunOnlyUnderTheirProfilesAndReadPasswordsFromSecretFiles() {
    JsonNode config = config("compose.yaml");
    PROFILED.forEach(
        (service, profile) ->
            assertThat(config.at("/services/" + service + "/profiles").toString())
                .as(service + " profiles")
                .isEqualTo("[\"" + profile + "\"]"));
    JsonNode postgres = config.at("/services/postgres-exporter");
    assertThat(postgres.at("/environment/DATA_SOURCE_PASS_FILE").asText())
        .isEqualTo("/run/secrets/postgres_exporter_password");
    assertThat(postgres.path("environment").has("DATA_SOURCE_PASS")).isFalse();
    assertThat(postgres.path("environment").has("DATA_SOURCE_NAME")).isFalse();
    assertThat(config.at("/services/redis-exporter/command").toString())
        .contains("--redis.password-file=/run/secrets/redis_exporter_passwords")
        .doesNotContain("--redis.password=");
    assertThat(fieldNames(config.path("secrets")))
        .containsExactlyInAnyOrder(
            "grafana_admin_password", "postgres_exporter_password", "redis_exporter_passwords");
  }

  @Test
  void composeRefusesToStartWithoutTheGrafanaPasswordFile() {
    NativeTool.Result result = dockerCompose(Map.of(), "-f", "compose.yaml", "config");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("GRAFANA_ADMIN_PASSWORD_FILE must be set");
  }

  @Test
  void composeAcceptsTheScaleOverlay() {
    JsonNode config = config("compose.yaml", "compose.scale.yaml");

    assertThat(fieldNames(config.path("services"))).contains("victoriametrics");
    assertThat(config.at("/services/prometheus/depends_on/victoriametrics/condition").asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void theInstalledVictoriaMetricsStartsWithTheScaleOverlaysFlags(@TempDir Path data)
      throws Exception {
    Path binary = NativeTool.require("victoria-metrics", "victoria-metrics");
    JsonNode command =
        config("compose.yaml", "compose.scale.yaml").at("/services/victoriametrics/command");
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> argv = new ArrayList<>(List.of(binary.toString()));
    for (JsonNode flag : command) {
      String f = flag.asText();
      if (f.startsWith("-storageDataPath=")) {
        f = "-storageDataPath=" + data; // the container's path, here a temp directory
      } else if (f.startsWith("-httpListenAddr=")) {
        f = "-httpListenAddr=127.0.0.1:" + port;
      }
      argv.add(f);
    }
    assertThat(argv).anyMatch(f -> f.startsWith("-retentionPeriod="));
    Path log = data.resolve("victoria-metrics.log");
    Process process =
        new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.URI health = java.net.URI.create("http://127.0.0.1:" + port + "/health");
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .pollInterval(java.time.Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                assertThat(process.isAlive())
                    .as("victoria-metrics " + argv + " exited:\n" + Files.readString(log))
                    .isTrue();
                assertThat(
                        http.send(
                                java.net.http.HttpRequest.newBuilder(health).build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);
              });
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyBindMountedPathOfTheRepositoryExists() {
    // Mounts of the Docker host's own directories (/, /sys, /var/lib/docker for node-exporter and
    // cAdvisor) exist on a Docker host, not necessarily here; the repository's files must.
    for (String file : List.of("compose.yaml", "compose.scale.yaml")) {
      ComposeFile compose = ComposeFile.read(RepoFiles.resolve("stack/" + file));
      assertThat(compose.allBindMounts()).as(file).isNotEmpty();
      for (ComposeFile.BindMount mount : compose.allBindMounts()) {
        if (!mount.hostPath().startsWith(RepoFiles.root())) {
          continue;
        }
        assertThat(mount.hostPath()).as(file + " mounts " + mount.containerPath()).exists();
      }
    }
  }

  @Test
  void mountsTheModulesFilesInPlaceNotCopies() {
    ComposeFile compose = ComposeFile.read(RepoFiles.resolve("stack/compose.yaml"));
    Path root = RepoFiles.root();

    assertThat(compose.hostPath("prometheus", "/etc/prometheus/rules"))
        .contains(root.resolve("alerting/rules"));
    assertThat(compose.hostPath("alertmanager", "/etc/alertmanager/notifying/alertmanager.yml"))
        .contains(root.resolve("alerting/alertmanager/alertmanager.yml"));
    assertThat(compose.hostPath("grafana", "/var/lib/grafana/dashboards/agentmetrics"))
        .hasValueSatisfying(
            path ->
                assertThat(path.startsWith(root.resolve("dashboards/src/main/resources")))
                    .isTrue());
  }

  @Test
  void everyServiceIsPinnedHealthCheckedLimitedAndKeepsDataInNamedVolumes() {
    JsonNode config = config("compose.yaml");
    double cpus = 0;
    long memory = 0;
    List<String> services = new ArrayList<>(SERVICES);
    services.addAll(PROFILED.keySet());
    for (String service : services) {
      JsonNode definition = config.path("services").path(service);
      String image = definition.path("image").asText();
      assertThat(image).as(service + " image").matches("[^:]+:[^:]+").doesNotEndWith(":latest");
      assertThat(definition.path("healthcheck").path("test").isMissingNode())
          .as(service + " healthcheck")
          .isEqualTo(WITHOUT_HEALTHCHECK.containsKey(service));
      JsonNode limits = definition.at("/deploy/resources/limits");
      assertThat(limits.path("cpus").isMissingNode()).as(service + " cpu limit").isFalse();
      cpus += limits.path("cpus").asDouble();
      memory += bytes(limits.path("memory").asText());
    }
    assertThat(cpus).as("CPU limits in total").isLessThanOrEqualTo(4.0);
    assertThat(memory).as("memory limits in total").isLessThanOrEqualTo(12L << 30);
    assertThat(fieldNames(config.path("volumes")))
        .contains("prometheus-data", "alertmanager-data", "grafana-data", "loki-data");
    assertThat(config.at("/services/grafana/depends_on/prometheus/condition").asText())
        .isEqualTo("service_healthy");
    assertThat(config.at("/services/prometheus/depends_on/alertmanager/condition").asText())
        .isEqualTo("service_healthy");
    assertThat(config.at("/services/prometheus/depends_on/metrics-server/condition").asText())
        .as("Prometheus must run, and alert, when the server is unhealthy")
        .isEqualTo("service_started");
  }

  @Test
  void grafanaHasAnonymousAccessAndSignUpOff() {
    JsonNode environment = config("compose.yaml").at("/services/grafana/environment");

    assertThat(environment.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("false");
    assertThat(environment.path("GF_USERS_ALLOW_SIGN_UP").asText()).isEqualTo("false");
  }

  @Test
  void theServerIsBuiltFromTheRepositoryAndRunsTheDemo() {
    JsonNode server = config("compose.yaml").at("/services/metrics-server");

    assertThat(Path.of(server.at("/build/context").asText())).isEqualTo(RepoFiles.root());
    assertThat(server.at("/build/dockerfile").asText()).isEqualTo("stack/Dockerfile");
    assertThat(server.path("command").toString()).contains("--demo");
  }

  private static JsonNode config(String... files) {
    return config(Map.of(), files);
  }

  private static JsonNode config(Map<String, String> settings, String... files) {
    List<String> args = new ArrayList<>();
    for (String file : files) {
      args.add("-f");
      args.add(file);
    }
    args.add("config");
    Map<String, String> env = new java.util.HashMap<>(settings);
    env.put("GRAFANA_ADMIN_PASSWORD_FILE", passwordFile().toString());
    NativeTool.Result result = dockerCompose(env, args.toArray(String[]::new));
    assertThat(result.exitCode()).as("docker-compose config: " + result.output()).isZero();
    return Yaml.parse(result.output());
  }

  private static NativeTool.Result dockerCompose(Map<String, String> env, String... args) {
    Path dockerCompose = NativeTool.require("docker-compose", "docker-compose");
    List<String> command = new ArrayList<>();
    command.add("env");
    command.add("-u");
    command.add("GRAFANA_ADMIN_PASSWORD_FILE");
    command.add("-u");
    command.add("ALERTMANAGER_CONFIG");
    env.forEach((name, value) -> command.add(name + "=" + value));
    command.add(dockerCompose.toString());
    command.add("--project-directory");
    command.add(RepoFiles.resolve("stack").toString());
    // Hermetic: a developer's own stack/.env must not change what the test sees.
    command.add("--env-file");
    command.add(emptyEnvFile().toString());
    for (String arg : args) {
      command.add(arg.endsWith(".yaml") ? RepoFiles.resolve("stack/" + arg).toString() : arg);
    }
    return NativeTool.run(command, null);
  }

  /** A password file for compose to name (its content is never read by {@code config}). */
  private static Path passwordFile() {
    try {
      Path file = tempDir.resolve("grafana-admin-password");
      return Files.exists(file) ? file : Files.writeString(file, "test-only-password");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path emptyEnvFile() {
    try {
      Path file = tempDir.resolve("empty.env");
      return Files.exists(file) ? file : Files.createFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long bytes(String size) {
    long number = Long.parseLong(size.replaceAll("[^0-9]", ""));
    String unit = size.replaceAll("[0-9]", "").toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "g", "gb" -> number << 30;
      case "m", "mb" -> number << 20;
      case "k", "kb" -> number << 10;
      default -> number;
    };
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
