package io.agentmetrics.server.otlp;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** A JSON string literal, escaped by Jackson. */
final class JsonText {

  private JsonText() {}

  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
