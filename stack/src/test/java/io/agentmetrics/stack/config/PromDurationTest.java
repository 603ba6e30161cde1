package io.agentmetrics.stack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromDurationTest {

  @Test
  void parsesSingleAndCompoundDurations() {
    assertThat(PromDuration.parse("15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(PromDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(PromDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(PromDuration.parse("2w")).isEqualTo(Duration.ofDays(14));
  }

  @Test
  void rejectsWhatIsNotADuration() {
    assertThatThrownBy(() -> PromDuration.parse("15")).hasMessageContaining("'15'");
    assertThatThrownBy(() -> PromDuration.parse("1h x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PromDuration.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatsWholeSecondsOrMilliseconds() {
    assertThat(PromDuration.format(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(PromDuration.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThatThrownBy(() -> PromDuration.format(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
