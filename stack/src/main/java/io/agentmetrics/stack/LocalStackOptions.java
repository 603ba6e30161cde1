package io.agentmetrics.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a {@link LocalStack} starts and how: a snapshot of its {@link LocalStack.Builder}. */
final class LocalStackOptions {

  private final LocalStack.Builder b;

  LocalStackOptions(LocalStack.Builder builder) {
    this.b = builder;
  }

  Path composeFile() {
    return b.composeFile != null ? b.composeFile : b.stackDirectory.resolve("compose.yaml");
  }

  Optional<Path> workDir() {
    return Optional.ofNullable(b.workDir);
  }

  String bindHost() {
    return b.bindHost;
  }

  int serverPort() {
    return b.serverPort;
  }

  int prometheusPort() {
    return b.prometheusPort;
  }

  int alertmanagerPort() {
    return b.alertmanagerPort;
  }

  List<String> serverCommand() {
    if (b.serverCommand != null) {
      return b.serverCommand;
    }
    Path jar = b.serverJar;
    if (!Files.isRegularFile(jar)) {
      throw new LocalStackException(
          "the metrics server jar "
              + jar
              + " does not exist: build it with ./mvnw -B -q -DskipTests package -pl metrics-server -am");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-jar", jar.toString());
  }

  /** Whether the server is the agentmetrics jar (which takes {@code --bind}), not a command. */
  boolean runsServerJar() {
    return b.serverCommand == null;
  }

  boolean demo() {
    return b.demo;
  }

  List<String> serverArgs() {
    return List.copyOf(b.serverArgs);
  }

  Map<String, String> serverEnvironment() {
    return Map.copyOf(b.serverEnvironment);
  }

  String serverReadyPath() {
    return b.serverReadyPath;
  }

  Optional<Duration> scrapeInterval() {
    return Optional.ofNullable(b.scrapeInterval);
  }

  Optional<Duration> evaluationInterval() {
    return Optional.ofNullable(b.evaluationInterval);
  }

  List<URI> remoteWrite() {
    return List.copyOf(b.remoteWrite);
  }

  URI notificationSink() {
    return b.notificationSink;
  }

  Map<String, URI> receiverSinks() {
    return Map.copyOf(b.receiverSinks);
  }

  String prometheusBinary() {
    return b.prometheusBinary;
  }

  String alertmanagerBinary() {
    return b.alertmanagerBinary;
  }

  /** The node exporter's command where it is installed (on the PATH, or a path that exists). */
  Optional<String> nodeExporterBinary() {
    return installed(b.nodeExporterBinary);
  }

  Optional<String> postgresDsn() {
    return Optional.ofNullable(b.postgresDsn).filter(dsn -> !dsn.isBlank());
  }

  int postgresExporterPort() {
    return b.postgresExporterPort;
  }

  String postgresExporterBinary() {
    return b.postgresExporterBinary;
  }

  /** The pg_stat_statements query file for Debian's postgres_exporter 0.11. */
  Path postgresQueriesFile() {
    return b.stackDirectory.resolve("postgres-exporter/queries.yaml");
  }

  /**
   * The Redis address as the exporter names it ({@code redis://host:port}; a bare {@code host:port}
   * gets the scheme), so that the password file's key matches it.
   */
  Optional<String> redisAddress() {
    return Optional.ofNullable(b.redisAddress)
        .map(String::trim)
        .filter(address -> !address.isEmpty())
        .map(address -> address.contains("://") ? address : "redis://" + address);
  }

  Optional<String> redisUser() {
    return Optional.ofNullable(b.redisUser).filter(user -> !user.isBlank());
  }

  Optional<String> redisPassword() {
    return Optional.ofNullable(b.redisPassword).filter(password -> !password.isEmpty());
  }

  int redisExporterPort() {
    return b.redisExporterPort;
  }

  String redisExporterBinary() {
    return b.redisExporterBinary;
  }

  /**
   * The binary, or a {@link LocalStackException} naming the Debian package and the option that
   * asked for it.
   */
  String requireInstalled(String binary, String option) {
    return installed(binary)
        .orElseThrow(
            () ->
                new LocalStackException(
                    option
                        + " needs "
                        + binary
                        + ", which is not installed: run 'sudo apt-get install "
                        + binary
                        + "' (stack/run-local installs it where it can)"));
  }

  /** The command where it is installed (on the PATH, or a path that exists). */
  private static Optional<String> installed(String binary) {
    if (binary == null || binary.isEmpty()) {
      return Optional.empty();
    }
    if (binary.contains("/")) {
      return Files.isExecutable(Path.of(binary)) ? Optional.of(binary) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
        return Optional.of(binary);
      }
    }
    return Optional.empty();
  }

  int nodeExporterPort() {
    return b.nodeExporterPort;
  }

  Duration readyTimeout() {
    return b.readyTimeout;
  }

  /** The value of a secret file: given to the builder, else from the secrets directory. */
  Optional<String> secretValue(String name) {
    if (b.secrets.containsKey(name)) {
      return Optional.of(b.secrets.get(name));
    }
    if (b.secretsDirectory != null && Files.isRegularFile(b.secretsDirectory.resolve(name))) {
      try {
        return Optional.of(
            Files.readString(b.secretsDirectory.resolve(name), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read secret " + name, e);
      }
    }
    return Optional.empty();
  }
}
