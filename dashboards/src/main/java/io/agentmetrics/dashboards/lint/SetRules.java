package io.agentmetrics.dashboards.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.dashboards.Dashboard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Our rules on the set of dashboards as a whole: identity and navigation. */
final class SetRules {

  private SetRules() {}

  static LintRule uniqueUidsAndTitles() {
    return new Rule(
        "unique-uid-title-rule",
        "Checks that every dashboard has a uid, and that uids and titles are unique.",
        (all, f) -> {
          Map<String, Dashboard> uids = new HashMap<>();
          Map<String, Dashboard> titles = new HashMap<>();
          for (Dashboard d : all) {
            if (d.uid().isBlank() || d.uid().length() > 40) {
              f.error(d, "needs a uid of 1 to 40 characters, has '" + d.uid() + "'");
            } else if (uids.putIfAbsent(d.uid(), d) != null) {
              f.error(d, "has the uid '" + d.uid() + "' of " + uids.get(d.uid()).fileName());
            }
            if (d.title().isBlank()) {
              f.error(d, "has no title");
            } else if (titles.putIfAbsent(d.title(), d) != null) {
              f.error(d, "has the title of " + titles.get(d.title()).fileName());
            }
          }
        });
  }

  static LintRule links() {
    return new Rule(
        "dashboard-links-rule",
        "Checks that each dashboard links by tag to the other dashboards of the set.",
        (all, f) -> {
          for (Dashboard d : all) {
            List<String> reached = new ArrayList<>();
            for (JsonNode link : d.links()) {
              if (!"dashboards".equals(link.path("type").asText())) {
                continue;
              }
              List<String> tags = new ArrayList<>();
              link.path("tags").forEach(t -> tags.add(t.asText()));
              for (Dashboard other : all) {
                if (other != d && other.tags().containsAll(tags)) {
                  reached.add(other.title());
                }
              }
            }
            if (all.size() > 1 && reached.size() < all.size() - 1) {
              f.error(
                  d,
                  "links reach only "
                      + reached
                      + "; add a 'dashboards' link with a tag every dashboard of the set has");
            }
          }
        });
  }
}
