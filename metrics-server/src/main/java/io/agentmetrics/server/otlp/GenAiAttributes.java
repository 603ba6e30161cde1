package io.agentmetrics.server.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link GenAiField}s of one span's or metric point's attributes, read in one pass: each
 * attribute key is looked up once in a table built from {@link GenAiField}, so a span with
 * thousands of attributes costs one hash lookup per attribute and keeps nothing but the fields'
 * values.
 */
final class GenAiAttributes {

  /** Where each known key goes: field ordinal and the key's rank among the field's variants. */
  private static final Map<String, List<int[]>> TARGETS = targets();

  /** OpenInference flattens retrieved documents: {@code retrieval.documents.<i>.document.*}. */
  private static final String FLAT_DOCUMENTS = "retrieval.documents.";

  private static final String FLAT_SCORE = ".document.score";

  private final AnyValue[] values = new AnyValue[GenAiField.values().length];
  private final int[] ranks = new int[GenAiField.values().length];
  private int flatDocuments;
  private double flatBestScore = Double.NaN;

  private GenAiAttributes() {}

  /** Reads {@code attributes}. */
  static GenAiAttributes of(List<KeyValue> attributes) {
    GenAiAttributes read = new GenAiAttributes();
    for (KeyValue attribute : attributes) {
      read.add(attribute.getKey(), attribute.getValue());
    }
    return read;
  }

  private void add(String key, AnyValue value) {
    List<int[]> targets = TARGETS.get(key);
    if (targets != null) {
      for (int[] target : targets) {
        int field = target[0];
        int rank = target[1] + 1; // 0: not seen
        if (ranks[field] == 0 || rank < ranks[field]) {
          ranks[field] = rank;
          values[field] = value;
        }
      }
    } else if (key.startsWith(FLAT_DOCUMENTS)) {
      addFlatDocument(key, value);
    }
  }

  private void addFlatDocument(String key, AnyValue value) {
    int dot = key.indexOf('.', FLAT_DOCUMENTS.length());
    if (dot < 0) {
      return;
    }
    int index;
    try {
      index = Integer.parseInt(key.substring(FLAT_DOCUMENTS.length(), dot));
    } catch (NumberFormatException e) {
      return;
    }
    if (index < 0 || index >= OtlpLimits.MAX_DOCUMENTS) {
      return;
    }
    flatDocuments = Math.max(flatDocuments, index + 1);
    if (key.endsWith(FLAT_SCORE)) {
      double score = AttributeValues.number(value);
      if (Double.isFinite(score) && !(score <= flatBestScore)) {
        flatBestScore = score;
      }
    }
  }

  /** The field's value, or null when no variant of it is present. */
  AnyValue get(GenAiField field) {
    return values[field.ordinal()];
  }

  /** The key the field's value came from, or null. */
  String keyOf(GenAiField field) {
    int rank = ranks[field.ordinal()];
    return rank == 0 ? null : field.variants().get(rank - 1).key();
  }

  /** The field as text (strings as they are, numbers and booleans printed), or null. */
  String text(GenAiField field) {
    AnyValue value = get(field);
    return value == null ? null : AttributeValues.text(value);
  }

  /** How many documents OpenInference's flattened list names (0 when none). */
  int flatDocuments() {
    return flatDocuments;
  }

  /** The best score in OpenInference's flattened list, NaN when none. */
  double flatBestScore() {
    return flatBestScore;
  }

  private static Map<String, List<int[]>> targets() {
    Map<String, List<int[]>> targets = new HashMap<>();
    for (GenAiField field : GenAiField.values()) {
      List<GenAiField.Variant> variants = field.variants();
      for (int rank = 0; rank < variants.size(); rank++) {
        targets
            .computeIfAbsent(variants.get(rank).key(), key -> new ArrayList<>(1))
            .add(new int[] {field.ordinal(), rank});
      }
    }
    return Map.copyOf(targets);
  }
}
