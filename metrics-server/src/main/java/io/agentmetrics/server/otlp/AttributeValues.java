package io.agentmetrics.server.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;

/** Reads OTLP {@link AnyValue}s as the numbers and texts the mapping needs. */
final class AttributeValues {

  private AttributeValues() {}

  /** A string as it is; a number or boolean printed; anything else null. */
  static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      default -> null;
    };
  }

  /** An int or double as a double, a numeric string parsed; NaN for anything else. */
  static double number(AnyValue value) {
    return switch (value.getValueCase()) {
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case STRING_VALUE -> parse(value.getStringValue());
      default -> Double.NaN;
    };
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
