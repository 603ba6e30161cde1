package io.agentmetrics.dashboards.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.catalogue.promql.Grouping;
import io.agentmetrics.catalogue.promql.PromQlReader;
import io.agentmetrics.catalogue.promql.QueryFacts;
import io.agentmetrics.dashboards.Dashboard;
import io.agentmetrics.dashboards.Dashboards;
import io.agentmetrics.dashboards.Panel;
import io.agentmetrics.dashboards.Target;
import io.agentmetrics.dashboards.Variable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metrics-api PromQL reader on Grafana's variable queries and on the bundled dashboards. */
class DashboardQueriesTest {

  @Test
  void readsLabelValuesVariableQueries() {
    QueryFacts q = LabelValuesQuery.readVariableQuery("label_values(up{job=~\"$job\"}, instance)");

    assertThat(q.metrics()).containsExactly("up");
    assertThat(q.groupings())
        .containsExactly(new Grouping("by", List.of("instance"), Set.of("up")));
    assertThat(LabelValuesQuery.readVariableQuery("label_values(job)").groupings().get(0).labels())
        .containsExactly("job");
    assertThat(LabelValuesQuery.readVariableQuery("sum by (job) (up)").functions())
        .containsExactly("sum");
  }

  @Test
  void readsEveryQueryOfEveryBundledDashboardAndFindsItsMetrics() {
    int queries = 0;
    for (Dashboard d : Dashboards.loadAll()) {
      for (Panel p : d.panels()) {
        for (Target t : p.targets()) {
          if (!d.isPrometheus(p, t)) {
            continue; // LogQL, see BundledDashboardsTest
          }
          QueryFacts q = PromQlReader.read(t.expr());
          assertThat(q.metrics()).as(t.expr()).isNotEmpty();
          assertThat(q.selectors())
              .as(t.expr())
              .allSatisfy(s -> assertThat(s.metric()).isNotEmpty());
          queries++;
        }
      }
      for (Variable v : d.variables()) {
        if (v.type().equals("query")) {
          assertThat(LabelValuesQuery.readVariableQuery(v.query()).groupings())
              .as(v.query())
              .isNotEmpty();
        }
      }
    }
    assertThat(queries).isGreaterThan(100);
  }
}
