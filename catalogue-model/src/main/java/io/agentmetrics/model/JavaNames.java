package io.agentmetrics.model;

import java.util.Locale;

/** The Java names the generators derive from the model's names. */
final class JavaNames {

  private JavaNames() {}

  /** {@code gen_ai.agent_name} to {@code genAiAgentName}: a method or parameter name. */
  static String camel(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : text.toCharArray()) {
      if (c == '_' || c == '.') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** {@code EVALUATION_RESULTS} to {@code EvaluationResults}: a class name. */
  static String className(String constant) {
    String camel = camel(constant.toLowerCase(Locale.ROOT));
    return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }
}
