package io.agentmetrics.core;

import io.agentmetrics.api.LabelPolicy;
import io.agentmetrics.api.Labels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * LLM list prices in US dollars per million tokens (input, output and cached input), per provider
 * and model, read from CSV. Immutable and thread-safe.
 *
 * <p>The CSV has the header {@value #HEADER}; blank lines and lines starting with {@code #} are
 * ignored. The provider is a {@code gen_ai.provider.name} value (e.g. {@code openai}, {@code
 * aws.bedrock}); the model is matched without regard to case. An empty cached-input price means
 * cached tokens cost the input price. A model that is not listed but ends in a date snapshot
 * ({@code -2024-08-06}, {@code -20250514}, {@code @20250514}) is priced as the listed model without
 * it.
 *
 * <p>Cost: cached input tokens are part of the input tokens; they are billed at the cached-input
 * price instead of the input price, so {@code cost = ((input - cached) * inputPrice + cached *
 * cachedPrice + output * outputPrice) / 1e6}.
 */
public final class PriceTable {

  /** The header line of a price CSV. */
  public static final String HEADER =
      "provider,model,input_usd_per_million,output_usd_per_million,cached_input_usd_per_million";

  private static final String BUNDLED = "prices.csv";
  private static final LabelPolicy PROVIDERS = Labels.PROVIDER.policy();
  private static final Pattern SNAPSHOT = Pattern.compile("[-@](\\d{4}-\\d{2}-\\d{2}|\\d{8})$");

  private final Map<String, Price> prices;

  /** The same prices by provider, then model: looked up per call without building a key. */
  private final Map<String, Map<String, Price>> byProvider = new HashMap<>();

  private PriceTable(Map<String, Price> prices) {
    this.prices = Collections.unmodifiableMap(prices);
    prices.forEach(
        (key, price) -> {
          int separator = key.indexOf('\n');
          byProvider
              .computeIfAbsent(key.substring(0, separator), provider -> new HashMap<>())
              .put(key.substring(separator + 1), price);
        });
  }

  /** The list prices shipped with agentmetrics (see {@code prices.csv} in this package). */
  public static PriceTable bundled() {
    try (InputStream in = PriceTable.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled price table " + BUNDLED + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new PriceTable(parse(BUNDLED, reader.lines().toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled price table", e);
    }
  }

  /**
   * Reads a price table from a CSV file.
   *
   * @throws IllegalArgumentException naming the file and line when the file is unreadable or
   *     malformed
   */
  public static PriceTable load(Path csv) {
    return new PriceTable(parse(csv.toString(), CsvTable.readLines("price table", csv)));
  }

  /**
   * This table with the entries of {@code csv} added; an entry in the file replaces this table's
   * price for the same provider and model.
   *
   * @throws IllegalArgumentException naming the file and line when the file is unreadable or
   *     malformed
   */
  public PriceTable withOverrides(Path csv) {
    Map<String, Price> merged = new LinkedHashMap<>(prices);
    merged.putAll(load(csv).prices);
    return new PriceTable(merged);
  }

  /**
   * The cost in US dollars of a call, or empty when the provider and model are not in the table.
   * Negative token counts count as 0; cached tokens beyond the input tokens count as input tokens.
   */
  public OptionalDouble costUsd(
      String provider, String model, long inputTokens, long outputTokens, long cachedTokens) {
    double cost = costUsdOrNaN(provider, model, inputTokens, outputTokens, cachedTokens);
    return Double.isNaN(cost) ? OptionalDouble.empty() : OptionalDouble.of(cost);
  }

  /** As {@link #costUsd}, NaN when not priced: the recording path's allocation-free variant. */
  double costUsdOrNaN(
      String provider, String model, long inputTokens, long outputTokens, long cachedTokens) {
    return costUsdOrNaN(find(provider, model), inputTokens, outputTokens, cachedTokens);
  }

  /** The price of a provider's model, looked up once by those who price many of its calls. */
  Optional<Price> priceOf(String provider, String model) {
    return Optional.ofNullable(find(provider, model));
  }

  /** The cost at {@code price}; NaN when there is none. */
  static double costUsdOrNaN(Price price, long inputTokens, long outputTokens, long cachedTokens) {
    if (price == null) {
      return Double.NaN;
    }
    long input = Math.max(0, inputTokens);
    long cached = Math.min(Math.max(0, cachedTokens), input);
    long output = Math.max(0, outputTokens);
    double micros =
        (input - cached) * price.input() + cached * price.cachedInput() + output * price.output();
    return micros / 1_000_000d;
  }

  /** Whether the table has a price for this provider and model. */
  public boolean contains(String provider, String model) {
    return find(provider, model) != null;
  }

  /** Number of provider and model entries. */
  public int size() {
    return prices.size();
  }

  private Price find(String provider, String model) {
    if (provider == null || model == null) {
      return null;
    }
    Map<String, Price> models = byProvider.get(provider);
    if (models == null) {
      return null;
    }
    // trim() and toLowerCase() return the same string when there is nothing to change.
    String normalized = model.trim().toLowerCase(Locale.ROOT);
    Price price = models.get(normalized);
    if (price == null) {
      String undated = SNAPSHOT.matcher(normalized).replaceFirst("");
      if (!undated.equals(normalized)) {
        price = models.get(undated);
      }
    }
    return price;
  }

  private static String key(String provider, String model) {
    return provider + '\n' + model;
  }

  private static Map<String, Price> parse(String source, List<String> lines) {
    Map<String, Price> prices = new LinkedHashMap<>();
    for (CsvTable.Row row : CsvTable.rows("price table", source, lines, HEADER)) {
      String[] cells = row.cells();
      String where = row.where();
      String provider = cells[0].strip();
      String model = cells[1].strip().toLowerCase(Locale.ROOT);
      if (provider.isEmpty() || !PROVIDERS.allows(provider)) {
        throw new IllegalArgumentException(
            where + "provider '" + provider + "' is not " + PROVIDERS.describe());
      }
      if (model.isEmpty()) {
        throw new IllegalArgumentException(where + "the model is empty");
      }
      double input = row.nonNegative(2, "input price");
      double output = row.nonNegative(3, "output price");
      double cached = cells[4].isBlank() ? input : row.nonNegative(4, "cached input price");
      if (prices.put(key(provider, model), new Price(input, output, cached)) != null) {
        throw new IllegalArgumentException(where + "duplicate entry for " + provider + " " + model);
      }
    }
    return prices;
  }

  /** One model's prices in US dollars per million tokens. */
  record Price(double input, double output, double cachedInput) {}
}
