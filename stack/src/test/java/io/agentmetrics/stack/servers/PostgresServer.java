package io.agentmetrics.stack.servers;

import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test (Debian's {@code postgresql} package): a new cluster in a
 * temporary directory, on a free loopback port, with password authentication and {@code
 * pg_stat_statements} loaded. PostgreSQL refuses to run as root, so under root its commands run as
 * the {@code postgres} user the package creates ({@code runuser}). {@link #close()} stops it and
 * deletes the cluster.
 */
public final class PostgresServer implements AutoCloseable {

  /** The superuser's name. */
  public static final String SUPERUSER = "postgres";

  private final Path dir;
  private final int port;
  private final String superuserPassword;
  private final boolean asPostgresUser;

  private PostgresServer(Path dir, int port, String superuserPassword, boolean asPostgresUser) {
    this.dir = dir;
    this.port = port;
    this.superuserPassword = superuserPassword;
    this.asPostgresUser = asPostgresUser;
  }

  /** Creates a cluster and starts it; the superuser gets {@code superuserPassword}. */
  public static PostgresServer start(String superuserPassword) {
    NativeTool.require("initdb", "postgresql");
    NativeTool.require("psql", "postgresql-client");
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir;
    try {
      dir = Files.createTempDirectory("agentmetrics-postgres-");
      if (root) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
      Path passwordFile = dir.resolve("superuser-password");
      Files.writeString(passwordFile, superuserPassword, StandardCharsets.UTF_8);
      if (root) {
        Files.setOwner(
            passwordFile,
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
      }
      PostgresServer server = new PostgresServer(dir, freePort(), superuserPassword, root);
      server.asServerUser(
          List.of(
              tool("initdb"),
              "-D",
              dir.resolve("data").toString(),
              "-U",
              SUPERUSER,
              "--auth=scram-sha-256",
              "--pwfile=" + passwordFile,
              "--no-sync"));
      Files.delete(passwordFile);
      server.asServerUser(
          List.of(
              tool("pg_ctl"),
              "-D",
              dir.resolve("data").toString(),
              "-l",
              dir.resolve("server.log").toString(),
              "-w",
              "-o",
              "-p "
                  + server.port
                  + " -k "
                  + dir
                  + " -c listen_addresses=127.0.0.1 -c fsync=off"
                  + " -c shared_preload_libraries=pg_stat_statements",
              "start"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Runs SQL as the superuser in {@code database}; returns psql's output. */
  public String sql(String database, String sql) {
    return run(
        List.of(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            SUPERUSER,
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-Atc",
            sql),
        Map.of("PGPASSWORD", superuserPassword));
  }

  /**
   * Starts {@code pgbench} (initialised first) against {@code database}: two clients for {@code
   * seconds} seconds. The caller ends the process.
   */
  public Process pgbench(String database, int seconds) {
    List<String> connection =
        List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", SUPERUSER);
    List<String> init = new ArrayList<>(List.of(tool("pgbench"), "-i", "-s", "1", "-q"));
    init.addAll(connection);
    init.add(database);
    run(init, Map.of("PGPASSWORD", superuserPassword));
    List<String> load = new ArrayList<>(List.of(tool("pgbench"), "-c", "2", "-T", "" + seconds));
    load.addAll(connection);
    load.add(database);
    ProcessBuilder builder =
        new ProcessBuilder(load)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("pgbench.log").toFile());
    builder.environment().put("PGPASSWORD", superuserPassword);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      asServerUser(
          List.of(tool("pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }

  private void asServerUser(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full, Map.of());
  }

  private static String tool(String name) {
    return NativeTool.require(name, "postgresql").toString();
  }

  private static String run(List<String> command, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(command.get(0) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
