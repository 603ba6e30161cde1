package io.agentmetrics.catalogue;

import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.api.MetricDefinition;
import java.util.List;

/**
 * What catalogue v2 renamed or reshaped, old Prometheus name to new, for users migrating their own
 * queries. Rendered in docs/metrics.md; every new name is a catalogue metric (checked by a test).
 *
 * @param before the series or label as it was
 * @param after the catalogue metric it became, or null when it is a label change
 * @param change what to write now
 */
public record RenamedMetrics(String before, MetricDefinition after, String change) {

  /** Every change, in catalogue order. */
  public static List<RenamedMetrics> all() {
    return List.of(
        new RenamedMetrics(
            "gen_ai_client_operation_duration_seconds",
            MetricCatalogue.LLM_INFERENCE_DURATION,
            "same histogram; the `outcome` label is gone: `error_type!=\"\"` selects failures"),
        new RenamedMetrics(
            "gen_ai_client_operation_time_to_first_chunk_seconds",
            MetricCatalogue.LLM_TIME_TO_FIRST_CHUNK,
            "same histogram"),
        new RenamedMetrics(
            "gen_ai_client_token_usage_sum{gen_ai_token_type=\"input\"}",
            MetricCatalogue.LLM_INPUT_TOKENS,
            "a counter; cache reads and writes are parts of it"),
        new RenamedMetrics(
            "gen_ai_client_token_usage_sum{gen_ai_token_type=\"output\"}",
            MetricCatalogue.LLM_OUTPUT_TOKENS,
            "a counter; reasoning tokens are a part of it"),
        new RenamedMetrics(
            "gen_ai_client_token_usage_sum{gen_ai_token_type=\"cached\"}",
            MetricCatalogue.LLM_CACHE_READ_TOKENS,
            "a counter, never to add to the input tokens"),
        new RenamedMetrics(
            "gen_ai_client_token_usage_sum{gen_ai_token_type=\"reasoning\"}",
            MetricCatalogue.LLM_REASONING_TOKENS,
            "a counter, never to add to the output tokens"),
        new RenamedMetrics(
            "gen_ai_client_token_usage_bucket / _count / _max",
            MetricCatalogue.LLM_CALL_INPUT_TOKENS,
            "per-call histograms, one for input and one for output tokens: percentiles only"),
        new RenamedMetrics(
            "gen_ai_invoke_agent_duration_seconds{status=...}",
            MetricCatalogue.AGENT_RUN_DURATION,
            "the `status` label is gone: `error_type` is empty on success, else the error type,"
                + " `timeout`, `cancelled` or `_OTHER`; buckets follow the spec (0.1 s to 409.6 s)"),
        new RenamedMetrics(
            "gen_ai_execute_tool_duration_seconds{tool_kind, outcome}",
            MetricCatalogue.TOOL_DURATION,
            "`tool_kind` became `gen_ai_tool_type` (`tool` is now `function`); `outcome` is gone;"
                + " buckets follow the spec"),
        new RenamedMetrics(
            "error_type=\"none\"",
            null,
            "`error_type` is empty (absent to Prometheus) on success: write `error_type=\"\"` or"
                + " `error_type!=\"\"`"));
  }
}
