package io.agentmetrics.dashboards.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which targets the doctor treats as cAdvisor's (skipped where Prometheus has no container
 * metrics): exactly those that read only container series.
 */
class ContainerTargetsTest {

  @Test
  void onlyTheInfrastructureDashboardsContainerPanelsReadOnlyContainerMetrics() {
    Dashboard infrastructure = Dashboards.load(Dashboards.INFRASTRUCTURE);
    List<String> containerPanels =
        infrastructure.panels().stream()
            .filter(p -> !p.targets().isEmpty())
            .filter(p -> p.targets().stream().allMatch(Doctor::readsOnlyContainerMetrics))
            .map(Panel::title)
            .toList();

    assertThat(containerPanels)
        .containsExactly(
            "Container restarts", "Container last seen", "Container CPU", "Container memory");
    for (Dashboard d : Dashboards.loadAll()) {
      if (d.fileName().equals(Dashboards.INFRASTRUCTURE)) {
        continue;
      }
      assertThat(d.panels())
          .as(d.fileName())
          .allSatisfy(p -> assertThat(p.targets()).noneMatch(Doctor::readsOnlyContainerMetrics));
    }
  }

  @Test
  void aQueryThatAlsoReadsAnotherSeriesIsRunAsUsual() throws Exception {
    assertThat(Doctor.readsOnlyContainerMetrics(target("container_last_seen{job=~\"$job\"}")))
        .isTrue();
    assertThat(
            Doctor.readsOnlyContainerMetrics(
                target("container_last_seen{job=~\"$job\"} * on (job) group_left up")))
        .isFalse();
    assertThat(Doctor.readsOnlyContainerMetrics(target("not valid ((("))).isFalse();
  }

  private static Target target(String expr) {
    return new Target(JsonNodeFactory.instance.objectNode().put("refId", "A").put("expr", expr));
  }
}
