package io.agentmetrics.stack.servers;

import io.agentmetrics.api.testing.NativeTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real Redis server for a test (Debian's {@code redis-server}): a child process on a free
 * loopback port with a password, a {@code maxmemory} and no persistence. {@link #close()} stops it.
 */
public final class RedisServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final String password;

  private RedisServer(Process process, int port, String password) {
    this.process = process;
    this.port = port;
    this.password = password;
  }

  /** Starts Redis with {@code password} and returns once it accepts connections. */
  public static RedisServer start(String password, Path logFile) {
    Path binary = NativeTool.require("redis-server", "redis-server");
    int port = PostgresServer.freePort();
    // The password on the command line is a test's throwaway one; users' passwords never are.
    List<String> command =
        List.of(
            binary.toString(),
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            "64mb",
            "--requirepass",
            password);
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
      RedisServer server = new RedisServer(process, port, password);
      server.awaitListening();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code redis://127.0.0.1:PORT}. */
  public String address() {
    return "redis://127.0.0.1:" + port;
  }

  /** Runs one command with {@code redis-cli} as the default user; returns its output. */
  public String command(String... arguments) {
    Path binary = NativeTool.require("redis-cli", "redis-tools");
    List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "-h", "127.0.0.1"));
    command.addAll(List.of("-p", Integer.toString(port), "--no-auth-warning", "-a", password));
    command.addAll(List.of(arguments));
    NativeTool.Result result = NativeTool.run(command, null);
    if (result.exitCode() != 0 || result.output().startsWith("ERR")) {
      throw new IllegalStateException("redis-cli " + arguments[0] + ": " + result.output());
    }
    return result.output();
  }

  /**
   * Starts {@code redis-benchmark} in a loop of SET and GET on random keys (hits and misses); the
   * caller ends the process.
   */
  public Process benchmark(Path logFile) {
    Path binary = NativeTool.require("redis-benchmark", "redis-server");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(
                  binary.toString(),
                  "-h",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(port),
                  "-c",
                  "2",
                  "-r",
                  "100000",
                  "-t",
                  "set,get",
                  "-a",
                  password,
                  "-l",
                  "-q")
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(interrupted);
        }
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port + " within 20 s");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
