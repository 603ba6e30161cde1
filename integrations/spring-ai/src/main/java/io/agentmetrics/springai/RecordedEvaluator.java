package io.agentmetrics.springai;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.core.IntegrationGuard;
import java.util.Objects;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.EvaluationResponse;
import org.springframework.ai.evaluation.Evaluator;

/**
 * A Spring AI {@link Evaluator} whose every response is recorded as an evaluation result ({@code
 * gen_ai.evaluation.result}) of the bridge's agent: the verdict {@code pass} or {@code fail}, and
 * the score. Spring AI's judges give a verdict; a pass without a score (score 0, as {@code
 * FactCheckingEvaluator} answers) is scored 1, as {@code RelevancyEvaluator} scores itself, so that
 * the mean score is the pass rate. What the delegate throws is thrown on; nothing is recorded then.
 */
public final class RecordedEvaluator implements Evaluator {

  private final Evaluator delegate;
  private final String evaluation;
  private final AgentMetrics metrics;
  private final String agent;
  private final IntegrationGuard failures;

  RecordedEvaluator(
      Evaluator delegate,
      String evaluation,
      AgentMetrics metrics,
      String agent,
      IntegrationGuard failures) {
    this.delegate = Objects.requireNonNull(delegate, "evaluator");
    this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    this.metrics = metrics;
    this.agent = agent;
    this.failures = failures;
  }

  @Override
  public EvaluationResponse evaluate(EvaluationRequest request) {
    EvaluationResponse response = delegate.evaluate(request);
    failures.guard(
        "evaluation",
        () ->
            metrics.evaluationResult(
                agent, evaluation, score(response), response.isPass() ? "pass" : "fail"));
    return response;
  }

  @Override
  public String doGetSupportingData(EvaluationRequest request) {
    return delegate.doGetSupportingData(request);
  }

  static double score(EvaluationResponse response) {
    return response.isPass() && response.getScore() == 0f ? 1.0 : response.getScore();
  }
}
