package io.agentmetrics.springai;

/**
 * Spring AI's operation types ({@code AiOperationType}) as {@code gen_ai.operation.name} values:
 * {@code embedding} is the spec's {@code embeddings}; the others are the same.
 */
final class OperationNames {

  private OperationNames() {}

  static String of(String springAiOperation) {
    if (springAiOperation == null || springAiOperation.isBlank()) {
      return "chat";
    }
    return springAiOperation.equals("embedding") ? "embeddings" : springAiOperation;
  }
}
