package io.agentmetrics.server.otlp;

import java.util.ArrayList;
import java.util.List;

/**
 * What an export request's items became: recorded, ignored (not GenAI), skipped (counted from the
 * other signal) or refused, with the first {@value OtlpLimits#MAX_MESSAGES} reasons for refusals.
 *
 * @param signal {@code spans} or {@code metric_points}
 * @param recorded items recorded
 * @param ignored items that are not GenAI telemetry
 * @param skipped items left out so that no call is counted twice
 * @param refused items refused as invalid
 * @param reasons why the first ones were refused
 */
public record OtlpResult(
    String signal, long recorded, long ignored, long skipped, long refused, List<String> reasons) {

  /** The partial-success message: the refusals' reasons, or empty when none was refused. */
  public String message() {
    if (refused == 0) {
      return "";
    }
    String listed = String.join("; ", reasons);
    long more = refused - reasons.size();
    return refused
        + " "
        + signal.replace('_', ' ')
        + " refused: "
        + listed
        + (more > 0 ? "; and " + more + " more" : "");
  }

  static Builder builder(String signal) {
    return new Builder(signal);
  }

  /** Counts as items are mapped. */
  static final class Builder {
    private final String signal;
    private long recorded;
    private long ignored;
    private long skipped;
    private long refused;
    private final List<String> reasons = new ArrayList<>();

    private Builder(String signal) {
      this.signal = signal;
    }

    void recorded() {
      recorded++;
    }

    void ignored() {
      ignored++;
    }

    void skipped() {
      skipped++;
    }

    void refused(String reason) {
      refused++;
      if (reasons.size() < OtlpLimits.MAX_MESSAGES) {
        reasons.add(reason);
      }
    }

    OtlpResult build() {
      return new OtlpResult(signal, recorded, ignored, skipped, refused, List.copyOf(reasons));
    }
  }
}
