package io.agentmetrics.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The metrics server's README shows the event table the model generates. Regenerate it with {@code
 * ./mvnw -B -q -pl catalogue-model test -Dagentmetrics.regenerateDocs=true}.
 */
class IngestEventsDocTest {

  @Test
  void theReadmeShowsTheModelsEvents() throws Exception {
    Path root = Path.of(System.getProperty("agentmetrics.repoRoot", ".."));
    EventModel model =
        EventModel.read(
            CatalogueGenerator.readModel(
                root.resolve("metrics-api/src/main/model/catalogue.yaml").toString()));
    Path readme = root.resolve("metrics-server/README.md");
    String text = Files.readString(readme);
    int begin = text.indexOf(EventSources.README_BEGIN);
    int end = text.indexOf(EventSources.README_END);
    assertThat(begin).as("the README's generated event table").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String current = text.substring(begin, end + EventSources.README_END.length() + 1);
    String generated = EventSources.readme(model);
    if (Boolean.getBoolean("agentmetrics.regenerateDocs")) {
      Files.writeString(readme, text.replace(current, generated));
      return;
    }
    assertThat(current)
        .as(
            "metrics-server/README.md's event table is stale; regenerate it with: ./mvnw -B -q -pl"
                + " catalogue-model test -Dagentmetrics.regenerateDocs=true")
        .isEqualTo(generated);
  }
}
