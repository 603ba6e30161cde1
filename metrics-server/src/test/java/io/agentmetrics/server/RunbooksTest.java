package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentmetrics.server.http.HttpAuth;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * GET /runbooks serves docs/runbooks.md as HTML with an anchor for every alert section (the targets
 * of the alerts' runbook_url, whose anchors the alerting module checks against the same headings),
 * without credentials even where scrapes and ingest need them.
 */
class RunbooksTest {

  @Test
  void everyAlertSectionIsServedWithItsAnchorAndNoCredentials() throws IOException {
    List<String> alerts =
        Files.readAllLines(Path.of("..", "docs", "runbooks.md")).stream()
            .filter(line -> line.startsWith("## AgentMetrics"))
            .map(line -> line.substring(3).strip())
            .toList();
    try (TestServer server =
        new TestServer(
            b -> b.scrapeAuth(HttpAuth.bearer("scrape-token")).ingestAuth(HttpAuth.bearer("t")))) {
      HttpResponse<String> page = server.send(server.request("/runbooks"));

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(alerts).hasSizeGreaterThan(30);
      for (String alert : alerts) {
        assertThat(page.body())
            .as("the anchor of " + alert)
            .contains("<h2 id=\"" + alert.toLowerCase(Locale.ROOT) + "\">" + alert + "</h2>");
      }
      assertThat(page.body()).contains("<code>").doesNotContain("<script");
    }
  }
}
