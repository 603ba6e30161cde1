package io.agentmetrics.benchmarks;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;

/**
 * OTLP trace export requests as an instrumented agent sends them: agent runs of four spans each (an
 * {@code invoke_agent} span, two {@code chat} calls and an {@code execute_tool} call under it),
 * with the attributes the OpenAI instrumentations write, over 8 agents and 4 models.
 */
final class OtlpCorpus {

  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "gpt-5-mini", "o4-mini"};
  private static final long T0 = 1_764_547_200_000_000_000L;

  private OtlpCorpus() {}

  /** One export request of {@code spans} spans (a multiple of 4), as protobuf. */
  static byte[] traces(int spans) {
    ScopeSpans.Builder scope =
        ScopeSpans.newBuilder()
            .setScope(
                InstrumentationScope.newBuilder()
                    .setName("@opentelemetry/instrumentation-openai")
                    .setVersion("0.22.0"));
    for (int run = 0; run < spans / 4; run++) {
      ByteString trace = id(16, run);
      ByteString agentSpan = id(8, run * 4L);
      long start = T0 + run * 3_000_000_000L;
      String agent = "agent-" + (run % 8);
      String model = MODELS[run % MODELS.length];
      scope.addSpans(
          span(trace, agentSpan, ByteString.EMPTY, "invoke_agent " + agent, start, 2_400_000_000L)
              .addAttributes(text("gen_ai.operation.name", "invoke_agent"))
              .addAttributes(text("gen_ai.agent.name", agent)));
      for (int call = 1; call <= 2; call++) {
        scope.addSpans(
            span(trace, id(8, run * 4L + call), agentSpan, "chat " + model, start, 900_000_000L)
                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .addAttributes(text("gen_ai.operation.name", "chat"))
                .addAttributes(text("gen_ai.provider.name", "openai"))
                .addAttributes(text("gen_ai.request.model", model))
                .addAttributes(text("gen_ai.response.model", model + "-2025-08-07"))
                .addAttributes(text("gen_ai.response.id", "chatcmpl-" + run + "-" + call))
                .addAttributes(number("gen_ai.usage.input_tokens", 1200 + run % 100))
                .addAttributes(number("gen_ai.usage.output_tokens", 300 + run % 50))
                .addAttributes(text("server.address", "api.openai.com"))
                .addAttributes(number("server.port", 443)));
      }
      scope.addSpans(
          span(trace, id(8, run * 4L + 3), agentSpan, "execute_tool lookup_order", start, 5e7)
              .addAttributes(text("gen_ai.operation.name", "execute_tool"))
              .addAttributes(text("gen_ai.tool.name", "lookup_order"))
              .addAttributes(text("gen_ai.tool.type", "function")));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(text("service.name", "support-fleet"))
                        .addAttributes(text("telemetry.sdk.language", "nodejs"))
                        .addAttributes(text("telemetry.sdk.name", "opentelemetry")))
                .addScopeSpans(scope))
        .build()
        .toByteArray();
  }

  private static Span.Builder span(
      ByteString trace, ByteString id, ByteString parent, String name, long start, double nanos) {
    return Span.newBuilder()
        .setTraceId(trace)
        .setSpanId(id)
        .setParentSpanId(parent)
        .setName(name)
        .setStartTimeUnixNano(start)
        .setEndTimeUnixNano(start + (long) nanos);
  }

  private static ByteString id(int bytes, long value) {
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    buffer.putLong(bytes - 8, value + 1);
    return ByteString.copyFrom(buffer.array());
  }

  private static KeyValue text(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static KeyValue number(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }
}
