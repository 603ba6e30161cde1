package io.agentmetrics.dashboards.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GrafanaDurationsTest {

  @Test
  void roundsToGrafanasLadder() {
    assertThat(GrafanaDurations.roundBackend(Duration.ofMillis(3_600))).hasSeconds(5);
    assertThat(GrafanaDurations.roundBackend(Duration.ofMillis(86_400))).hasSeconds(60);
    assertThat(GrafanaDurations.roundBackend(Duration.ofMinutes(3))).hasSeconds(120);
    assertThat(GrafanaDurations.roundBackend(Duration.ofHours(20))).hasHours(12);
    // the backend's bounds are inclusive, the frontend's exclusive
    assertThat(GrafanaDurations.roundBackend(Duration.ofMillis(1_500))).hasSeconds(1);
    assertThat(GrafanaDurations.roundFrontendMillis(1_500)).isEqualTo(2_000);
  }

  @Test
  void formatsIntervalsInTheLargestWholeUnit() {
    assertThat(GrafanaDurations.formatInterval(Duration.ofSeconds(90))).isEqualTo("1m");
    assertThat(GrafanaDurations.formatInterval(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(GrafanaDurations.formatInterval(Duration.ofDays(2))).isEqualTo("2d");
  }

  @Test
  void formatsDurationsAsGoDoes() {
    assertThat(GrafanaDurations.goString(Duration.ofSeconds(60))).isEqualTo("1m0s");
    assertThat(GrafanaDurations.goString(Duration.ofSeconds(3630))).isEqualTo("1h0m30s");
    assertThat(GrafanaDurations.goString(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GrafanaDurations.goString(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(GrafanaDurations.goString(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void parsesGrafanaIntervals() {
    assertThat(GrafanaDurations.parse("30")).hasSeconds(30);
    assertThat(GrafanaDurations.parse("1m30s")).hasSeconds(90);
    assertThat(GrafanaDurations.parse(">15s")).hasSeconds(15);
    assertThat(GrafanaDurations.parse("2d")).hasHours(48);
    assertThat(GrafanaDurations.parse("500ms")).hasMillis(500);
    assertThatThrownBy(() -> GrafanaDurations.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("soon");
  }
}
