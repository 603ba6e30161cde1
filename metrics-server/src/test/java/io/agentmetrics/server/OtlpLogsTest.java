package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/logs}: the GenAI conventions' {@code gen_ai.evaluation.result} events become
 * evaluation results, whatever SDK field carries the event name; every other log record is ignored
 * and counted; an evaluation that cannot be read is refused with its reason, the rest of the batch
 * kept.
 */
class OtlpLogsTest {

  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private static LogRecord event(String name, Object... attributes) {
    LogRecord.Builder record = LogRecord.newBuilder().setEventName(name);
    for (int i = 0; i < attributes.length; i += 2) {
      record.addAttributes(OtlpVariantsTest.attribute((String) attributes[i], attributes[i + 1]));
    }
    return record.build();
  }

  private ExportLogsServiceResponse post(String service, LogRecord... records) throws Exception {
    ExportLogsServiceRequest request =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(
                ResourceLogs.newBuilder()
                    .setResource(
                        Resource.newBuilder()
                            .addAttributes(OtlpVariantsTest.attribute("service.name", service)))
                    .addScopeLogs(
                        ScopeLogs.newBuilder().addAllLogRecords(java.util.List.of(records))))
            .build();
    HttpResponse<byte[]> response =
        server.sendForBytes(
            server
                .request("/v1/logs")
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())));
    assertThat(response.statusCode()).isEqualTo(200);
    return ExportLogsServiceResponse.parseFrom(response.body());
  }

  @Test
  void evaluationResultEventsAreEvaluationsOfTheirAgentAndOtherRecordsAreIgnored()
      throws Exception {
    ExportLogsServiceResponse response =
        post(
            "support-bot",
            event(
                "gen_ai.evaluation.result",
                "gen_ai.evaluation.name",
                "relevance",
                "gen_ai.evaluation.score.value",
                0.75,
                "gen_ai.evaluation.score.label",
                "relevant"),
            // An SDK that puts the event name in an attribute, and a record naming its agent.
            event(
                "",
                "event.name",
                "gen_ai.evaluation.result",
                "gen_ai.evaluation.name",
                "relevance",
                "gen_ai.evaluation.score.value",
                0.25,
                "gen_ai.evaluation.score.label",
                "irrelevant",
                "gen_ai.agent.name",
                "refund-bot"),
            event("gen_ai.client.inference.operation.details", "gen_ai.operation.name", "chat"),
            LogRecord.newBuilder().setSeverityText("INFO").build(),
            event("gen_ai.evaluation.result", "gen_ai.evaluation.score.value", 1.0),
            event(
                "gen_ai.evaluation.result",
                "gen_ai.evaluation.name",
                "relevance",
                "gen_ai.evaluation.score.value",
                "high"));

    assertThat(response.getPartialSuccess().getRejectedLogRecords()).isEqualTo(2);
    assertThat(response.getPartialSuccess().getErrorMessage())
        .contains("has no 'gen_ai.evaluation.name'", "that is not a number")
        .doesNotContain("Exception");
    Scrape scrape = new Scrape(server.scrape());
    assertThat(
            scrape.value(
                "agent_evaluation_score_sum",
                "gen_ai_agent_name",
                "support-bot",
                "gen_ai_evaluation_name",
                "relevance"))
        .isCloseTo(0.75, within(1e-9));
    assertThat(
            scrape.value(
                "agent_evaluation_results_total",
                "gen_ai_agent_name",
                "refund-bot",
                "gen_ai_evaluation_score_label",
                "irrelevant"))
        .isEqualTo(1);
    String[] items = {"agentmetrics_otlp_items_total", "signal", "log_records", "result"};
    assertThat(scrape.value(items[0], items[1], items[2], items[3], "recorded")).isEqualTo(2);
    assertThat(scrape.value(items[0], items[1], items[2], items[3], "ignored")).isEqualTo(2);
    assertThat(scrape.value(items[0], items[1], items[2], items[3], "rejected")).isEqualTo(2);
  }

  @Test
  void anEvaluationSentAsOtlpJsonIsRecordedToo() {
    String json =
        """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"support-bot"}}]},
          "scopeLogs":[{"logRecords":[{"eventName":"gen_ai.evaluation.result","attributes":[
            {"key":"gen_ai.evaluation.name","value":{"stringValue":"faithfulness"}},
            {"key":"gen_ai.evaluation.score.value","value":{"doubleValue":0.5}},
            {"key":"gen_ai.evaluation.score.label","value":{"stringValue":"pass"}}]}]}]}]}
        """;
    HttpResponse<String> response =
        server.send(
            server
                .request("/v1/logs")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            new Scrape(server.scrape())
                .value(
                    "agent_evaluation_results_total",
                    "gen_ai_evaluation_name",
                    "faithfulness",
                    "gen_ai_evaluation_score_label",
                    "pass"))
        .isEqualTo(1);
  }
}
