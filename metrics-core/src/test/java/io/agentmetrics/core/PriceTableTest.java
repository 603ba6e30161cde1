package io.agentmetrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.api.LlmCall;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

  @TempDir Path dir;

  private final PriceTable bundled = PriceTable.bundled();

  @Test
  void bundledTableCoversTheMajorProviders() {
    assertThat(bundled.contains("openai", "gpt-4o")).isTrue();
    assertThat(bundled.contains("anthropic", "claude-sonnet-4-5")).isTrue();
    assertThat(bundled.contains("gcp.gemini", "gemini-2.5-pro")).isTrue();
    assertThat(bundled.contains("mistral_ai", "mistral-large-latest")).isTrue();
    assertThat(bundled.contains("aws.bedrock", "anthropic.claude-sonnet-4-20250514-v1:0")).isTrue();
    assertThat(bundled.size()).isGreaterThan(50);
  }

  @Test
  void costIsInputOutputAndCachedTokensAtTheirPricesPerMillion() {
    // claude-sonnet-4-5: $3 input, $15 output, $0.30 cached input per million tokens.
    assertThat(bundled.costUsd("anthropic", "claude-sonnet-4-5", 1_000_000, 1_000_000, 0))
        .hasValue(18.0);
    // 1M input of which 500k cached: 500k * 3 + 500k * 0.30 = 1.65
    assertThat(bundled.costUsd("anthropic", "claude-sonnet-4-5", 1_000_000, 0, 500_000))
        .hasValue(1.65);
    // Cached tokens beyond the input tokens count as input tokens; negatives count as 0.
    assertThat(bundled.costUsd("anthropic", "claude-sonnet-4-5", 100, -5, 1_000_000))
        .hasValue(100 * 0.30 / 1e6);
  }

  @Test
  void aDatedSnapshotIsPricedAsItsModelAndCaseDoesNotMatter() {
    OptionalDouble base = bundled.costUsd("openai", "gpt-4o", 1000, 1000, 0);
    assertThat(bundled.costUsd("openai", "gpt-4o-2024-08-06", 1000, 1000, 0)).isEqualTo(base);
    assertThat(bundled.costUsd("openai", "GPT-4o", 1000, 1000, 0)).isEqualTo(base);
    assertThat(bundled.costUsd("anthropic", "claude-sonnet-4-20250514", 1, 0, 0)).isPresent();
    assertThat(bundled.costUsd("gcp.vertex_ai", "claude-sonnet-4@20250514", 1, 0, 0)).isPresent();
  }

  @Test
  void unknownProviderOrModelHasNoCost() {
    assertThat(bundled.costUsd("openai", "gpt-99", 10, 10, 0)).isEmpty();
    assertThat(bundled.costUsd("anthropic", "gpt-4o", 10, 10, 0)).isEmpty();
    assertThat(bundled.costUsd(null, null, 10, 10, 0)).isEmpty();
  }

  @Test
  void overridesWinAndAddModels() throws IOException {
    Path file =
        write(
            "# our negotiated prices",
            PriceTable.HEADER,
            "openai,gpt-4o,1.00,4.00,0.50",
            "ollama,llama3.1:8b,0,0,");
    PriceTable table = bundled.withOverrides(file);

    assertThat(table.costUsd("openai", "gpt-4o", 1_000_000, 1_000_000, 0)).hasValue(5.0);
    assertThat(table.costUsd("ollama", "llama3.1:8b", 1000, 1000, 0)).hasValue(0.0);
    assertThat(table.costUsd("anthropic", "claude-sonnet-4-5", 1_000_000, 0, 0)).hasValue(3.0);
    assertThat(bundled.costUsd("openai", "gpt-4o", 1_000_000, 1_000_000, 0)).hasValue(12.5);
  }

  @Test
  void theFacadeRecordsTheCostOfTheConfiguredTable() throws IOException {
    Path file = write(PriceTable.HEADER, "openai,gpt-4o,2.00,8.00,1.00");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerAgentMetrics metrics =
        MicrometerAgentMetrics.builder(registry).priceTable(PriceTable.load(file)).build();

    metrics.llmCall(
        LlmCall.builder("openai", "gpt-4o")
            .agent("support")
            .durationSeconds(1)
            .tokens(250_000, 50_000)
            .cachedTokens(50_000)
            .build());

    // 200k * $2 + 50k * $1 + 50k * $8 per million = 0.4 + 0.05 + 0.4
    assertThat(new Scrape(registry).lines())
        .contains(
            "agent_cost_usd_total{gen_ai_agent_name=\"support\",gen_ai_provider_name=\"openai\","
                + "gen_ai_request_model=\"gpt-4o\",team=\"\"} 0.85");
  }

  @Test
  void aBadFileFailsAtLoadNamingTheFileAndLine() throws IOException {
    Path unknownProvider =
        write(PriceTable.HEADER, "openai,gpt-4o,1,2,", "azure openai!,gpt-4o,1,2,");
    assertThatThrownBy(() -> bundled.withOverrides(unknownProvider))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(unknownProvider.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("provider 'azure openai!' is not");

    Path badNumber = write(PriceTable.HEADER, "openai,gpt-4o,cheap,2,");
    assertThatThrownBy(() -> PriceTable.load(badNumber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(badNumber + " line 2: the input price 'cheap' is not a number");

    Path negative = write(PriceTable.HEADER, "openai,gpt-4o,1,-2,");
    assertThatThrownBy(() -> PriceTable.load(negative))
        .hasMessageContaining("line 2: the output price must be a finite number >= 0");

    Path columns = write(PriceTable.HEADER, "openai,gpt-4o,1");
    assertThatThrownBy(() -> PriceTable.load(columns))
        .hasMessageContaining("line 2: expected 5 comma-separated columns, found 3");

    Path noHeader = write("openai,gpt-4o,1,2,");
    assertThatThrownBy(() -> PriceTable.load(noHeader))
        .hasMessageContaining("line 1: expected the header");

    Path duplicate = write(PriceTable.HEADER, "openai,gpt-4o,1,2,", "openai,GPT-4o,1,2,");
    assertThatThrownBy(() -> PriceTable.load(duplicate))
        .hasMessageContaining("line 3: duplicate entry for openai gpt-4o");

    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> PriceTable.load(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read price table " + missing);
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "prices", ".csv");
    Files.write(file, List.of(lines));
    return file;
  }
}
