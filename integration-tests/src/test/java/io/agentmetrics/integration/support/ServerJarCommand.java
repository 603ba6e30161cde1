package io.agentmetrics.integration.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs the server's shaded jar on loopback with this JVM's java. */
public final class ServerJarCommand {

  private ServerJarCommand() {}

  /**
   * {@code java [jvmOptions] -jar jar --bind 127.0.0.1 --port port --grpc-port 0 [serverOptions]}:
   * OTLP/gRPC on a free port, never OTLP's 4317, which a collector on the machine may hold.
   */
  public static List<String> of(
      List<String> jvmOptions, Path jar, int port, String... serverOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--bind",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--grpc-port",
            "0"));
    command.addAll(List.of(serverOptions));
    return List.copyOf(command);
  }
}
