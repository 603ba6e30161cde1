package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: options from the environment, JSON logs, graceful SIGTERM. */
class ServerJarIT {

  private static final String INGEST_TOKEN = "it-ingest-token-4f9c";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private Process process;

  @AfterEach
  void stop() throws InterruptedException, IOException {
    Files.writeString(Path.of("target", "server-jar-it.log"), String.join("\n", log));
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private int startJar() throws IOException {
    return startJar(
        List.of(),
        Map.of(
            "AGENTMETRICS_DEMO", "true",
            "AGENTMETRICS_LOG_FORMAT", "json",
            "AGENTMETRICS_INGEST_TOKEN", INGEST_TOKEN));
  }

  private int startJar(List<String> jvmOptions, Map<String, String> env) throws IOException {
    Path jar = Path.of("target", "agentmetrics-server.jar");
    assertThat(jar).as("run 'mvn package' first").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--bind", "127.0.0.1"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("AGENTMETRICS_"));
    builder.environment().put("AGENTMETRICS_PORT", "0");
    builder.environment().put("AGENTMETRICS_GRPC_PORT", "0");
    builder.environment().putAll(env);
    process = builder.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  log.add(line);
                }
              } catch (IOException e) {
                log.add("reader stopped: " + e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    int[] port = new int[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                log.stream()
                    .map(listening::matcher)
                    .filter(Matcher::find)
                    .peek(m -> port[0] = Integer.parseInt(m.group(1)))
                    .findFirst()
                    .isPresent());
    return port[0];
  }

  /** The port of the line {@code OTLP/gRPC listening on 127.0.0.1:port}. */
  private int grpcPort() {
    Pattern listening = Pattern.compile("OTLP/gRPC listening on 127\\.0\\.0\\.1:(\\d+)");
    return log.stream()
        .map(listening::matcher)
        .filter(Matcher::find)
        .map(m -> Integer.parseInt(m.group(1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no OTLP/gRPC start line in " + log));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheDemoWithJsonLogsAndStopsGracefullyOnSigterm() throws Exception {
    int port = startJar();
    URI base = URI.create("http://127.0.0.1:" + port);

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(send(HttpRequest.newBuilder(base.resolve("/metrics")).build()).body())
                    .contains(
                        "gen_ai_client_inference_duration_seconds_count{",
                        "jvm_memory_used_bytes{"));
    String events = "[{\"type\":\"cache\",\"cache\":\"it\",\"result\":\"hit\"}]";
    HttpRequest.Builder ingest =
        HttpRequest.newBuilder(base.resolve(MetricsServer.EVENTS_PATH))
            .header("Content-Type", "application/json");
    assertThat(
            send(ingest.copy().POST(HttpRequest.BodyPublishers.ofString(events)).build())
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(ingest
                    .copy()
                    .header("Authorization", "Bearer " + INGEST_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(events))
                    .build())
                .statusCode())
        .isEqualTo(202);

    // A request in flight: its body trickles in (JSON whitespace every 100 ms) from before SIGTERM
    // until well after the server started stopping.
    SubmissionPublisher<ByteBuffer> upload = new SubmissionPublisher<>();
    AtomicBoolean stopping = new AtomicBoolean();
    AtomicInteger chunksAfterStop = new AtomicInteger();
    ScheduledExecutorService slowClient = Executors.newSingleThreadScheduledExecutor();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            ingest
                .copy()
                .header("Authorization", "Bearer " + INGEST_TOKEN)
                .POST(HttpRequest.BodyPublishers.fromPublisher(upload))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> upload.getNumberOfSubscribers() > 0);
    upload.submit(utf8("[{\"type\":\"cache\",\"cache\":\"inflight\",\"result\":\"miss\"}"));
    slowClient.scheduleAtFixedRate(
        () -> {
          if (stopping.get() && chunksAfterStop.incrementAndGet() > 20) {
            if (!upload.isClosed()) {
              upload.submit(utf8("]"));
              upload.close();
            }
          } else {
            upload.submit(utf8(" "));
          }
        },
        0,
        100,
        TimeUnit.MILLISECONDS);
    try {
      process.toHandle().destroy(); // SIGTERM, keeping the output stream open to read the log
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> log.stream().anyMatch(l -> l.contains("stopping")));
      stopping.set(true);
      HttpResponse<String> completed = inFlight.get(20, TimeUnit.SECONDS);
      assertThat(chunksAfterStop.get()).isGreaterThan(20);
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(202);
      assertThat(completed.body()).contains("\"accepted\":1");
    } finally {
      slowClient.shutdownNow();
    }
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(log).anySatisfy(line -> assertThat(line).contains("\"message\":\"stopped\""));

    for (String line : log) {
      JsonNode entry = JSON.readTree(line);
      assertThat(entry.path("level").asText()).as(line).isNotEmpty();
      assertThat(line).doesNotContain(INGEST_TOKEN);
    }
    String ready = log.stream().filter(l -> l.contains("ready in")).findFirst().orElseThrow();
    System.out.println("startup: " + JSON.readTree(ready).path("message").asText());
  }

  @Test
  void theShadedJarServesOtlpOverGrpc() throws Exception {
    int port = startJar();
    OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + grpcPort())
            .addHeader("Authorization", "Bearer " + INGEST_TOKEN)
            .build();
    try (SdkTracerProvider tracing =
        SdkTracerProvider.builder()
            .setResource(OtlpJavaSdkTest.service("support-bot-py"))
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      OtlpJavaSdkTest.conversation(tracing.get("agentmetrics-test"));
      assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
    String scrape =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build())
            .body();
    assertThat(
            new Scrape(scrape)
                .value(
                    "http_server_requests_seconds_count",
                    "uri",
                    "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
                    "status",
                    "200"))
        .as("one export call per finished span")
        .isEqualTo(5);
    assertThat(
            new Scrape(scrape)
                .value("agentmetrics_otlp_items_total", "signal", "spans", "result", "recorded"))
        .isEqualTo(4);
  }

  @Test
  void budgetsFromAFileAreExportedFromStartupOn(@TempDir Path dir) throws Exception {
    Path budgets =
        Files.writeString(
            dir.resolve("budgets.csv"),
            "# our budgets\nperiod,team,limit_usd\ndaily,,100\nmonthly,,2500\ndaily,search,20\n");
    int port = startJar(List.of(), Map.of("AGENTMETRICS_BUDGETS_FILE", budgets.toString()));

    String scrape =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build())
            .body();
    assertThat(scrape)
        .contains(
            "agent_budget_limit_usd{period=\"daily\",team=\"\"} 100.0",
            "agent_budget_limit_usd{period=\"monthly\",team=\"\"} 2500.0",
            "agent_budget_limit_usd{period=\"daily\",team=\"search\"} 20.0");
  }

  @Test
  void noCredentialIsLoggedEvenAtTrace(@TempDir Path dir) throws Exception {
    String metricsUser = "prometheus-scraper";
    String metricsPassword = "it-metrics-password-71c2";
    String basic =
        Base64.getEncoder()
            .encodeToString((metricsUser + ":" + metricsPassword).getBytes(StandardCharsets.UTF_8));
    String wrongToken = "it-wrong-token-a93e";
    Path logback =
        Files.writeString(
            dir.resolve("logback-trace.xml"),
            "<configuration>\n"
                + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>%level %logger %msg%n%ex</pattern></encoder>\n"
                + "  </appender>\n"
                + "  <root level=\"TRACE\"><appender-ref ref=\"OUT\"/></root>\n"
                + "</configuration>\n");
    int port =
        startJar(
            List.of("-Dlogback.configurationFile=" + logback),
            Map.of(
                "AGENTMETRICS_INGEST_TOKEN", INGEST_TOKEN,
                "AGENTMETRICS_METRICS_USER", metricsUser,
                "AGENTMETRICS_METRICS_PASSWORD", metricsPassword));
    URI base = URI.create("http://127.0.0.1:" + port);
    String events = "[{\"type\":\"cache\",\"cache\":\"trace\",\"result\":\"hit\"}]";
    for (String token : List.of(INGEST_TOKEN, wrongToken)) {
      HttpRequest ingest =
          HttpRequest.newBuilder(base.resolve(MetricsServer.EVENTS_PATH))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofString(events))
              .build();
      assertThat(send(ingest).statusCode()).isEqualTo(token.equals(INGEST_TOKEN) ? 202 : 401);
    }
    HttpRequest scrape =
        HttpRequest.newBuilder(base.resolve("/metrics"))
            .header("Authorization", "Basic " + basic)
            .build();
    assertThat(send(scrape).body()).contains("cache=\"trace\"");
    process.toHandle().destroy();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> log.stream().anyMatch(l -> l.contains("stopped")));

    assertThat(log)
        .as("the server ran at TRACE")
        .anySatisfy(line -> assertThat(line).startsWith("DEBUG"));
    assertThat(String.join("\n", log))
        .doesNotContain(INGEST_TOKEN, wrongToken, metricsPassword, basic)
        .doesNotContainIgnoringCase("authorization:");
  }

  private static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
