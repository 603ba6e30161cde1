package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentmetrics.api.MetricCatalogue;
import io.agentmetrics.server.cli.ServerCommand;
import io.agentmetrics.server.ingest.EventIngester;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README documents what the server really does. */
class ReadmeTest {

  private static String readme() throws IOException {
    return Files.readString(
        Path.of(System.getProperty("agentmetrics.repoRoot"), "metrics-server", "README.md"));
  }

  /** Option name to environment variable, from the README's options table. */
  private static Map<String, String> readmeOptions() throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `(--[a-z-]+)` \\| (?:`([A-Z_]+)`)? *\\|").matcher(readme());
    while (row.find()) {
      options.put(row.group(1), row.group(2));
    }
    return options;
  }

  @Test
  void optionsTableMatchesHelp() throws IOException {
    CommandLine cli = ServerCommand.commandLine(new ServerCommand(Map.of()));
    String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
    Map<String, String> documented = readmeOptions();
    TreeSet<String> helpOptions = new TreeSet<>();
    for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
      helpOptions.add(option.longestName());
      assertThat(help).contains(option.longestName());
    }
    assertThat(new TreeSet<>(documented.keySet())).isEqualTo(helpOptions);
    documented.forEach(
        (option, env) -> {
          if (env != null) {
            String description =
                String.join(" ", cli.getCommandSpec().findOption(option).description());
            assertThat(description).as(option).contains("env " + env);
          }
        });
  }

  @Test
  void everyEventExampleIsAccepted() throws IOException {
    List<String> examples = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```json\\n(.*?)```").matcher(readme());
    while (block.find()) {
      examples.add(block.group(1));
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
    TreeSet<String> types = new TreeSet<>();
    try (TestServer server = new TestServer(b -> b)) {
      for (String example : examples) {
        HttpResponse<String> response = server.postEvents("application/json", example);
        JsonNode body = IngestEventsTest.json(response);
        assertThat(response.statusCode()).as(example).isEqualTo(202);
        assertThat(body.path("accepted").asInt())
            .as(example + " -> " + response.body())
            .isEqualTo(1);
        types.add(IngestEventsTest.json(example).path("type").asText());
      }
    }
    Set<String> catalogueTypes =
        MetricCatalogue.INGEST_EVENTS.label("event_type").orElseThrow().policy().allowedValues();
    assertThat(types).isEqualTo(new TreeSet<>(catalogueTypes));
    assertThat(EventIngester.eventTypes().keySet()).isEqualTo(catalogueTypes);
  }
}
