package io.agentmetrics.dashboards.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Grafana's relative times and a panel's time shift, in UTC. */
class RelativeTimeTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:30:00Z");

  @Test
  void aTimeShiftMovesBothEndsBack() {
    assertThat(RelativeTime.shift(NOW, "1h", false)).isEqualTo("2026-12-02T09:30:00Z");
    assertThat(RelativeTime.shift(NOW, "1h", true)).isEqualTo("2026-12-02T09:30:00Z");
    assertThat(RelativeTime.shift(NOW, "7d", false)).isEqualTo("2026-11-25T10:30:00Z");
  }

  @Test
  void aRoundedTimeShiftCoversTheWholeUnit() {
    // "1d/d" on today: the whole of yesterday, from its start to its last millisecond.
    assertThat(RelativeTime.shift(NOW, "1d/d", false)).isEqualTo("2026-12-01T00:00:00Z");
    assertThat(RelativeTime.shift(NOW, "1d/d", true)).isEqualTo("2026-12-01T23:59:59.999Z");
  }

  @Test
  void anInvalidShiftIsRefusedWithTheFormat() {
    assertThatThrownBy(() -> RelativeTime.shift(NOW, "yesterday", false))
        .hasMessageContaining("1h or 1d/d");
  }

  @Test
  void aWeekStartsOnSundayAsInGrafanasDefaultLocale() {
    // 2026-12-02 is a Wednesday: the week began on Sunday 2026-11-29.
    assertThat(RelativeTime.parse("now/w", NOW)).isEqualTo("2026-11-29T00:00:00Z");
  }

  @Test
  void relativeTimesAsBefore() {
    assertThat(RelativeTime.parse("now-6h", NOW)).isEqualTo("2026-12-02T04:30:00Z");
    assertThat(RelativeTime.parse("now/d", NOW)).isEqualTo("2026-12-02T00:00:00Z");
    assertThat(RelativeTime.parse("30d", NOW)).isEqualTo("2026-11-02T10:30:00Z");
  }
}
