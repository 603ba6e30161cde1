package io.agentmetrics.stack.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentmetrics.alerting.AlertingBundle;
import io.agentmetrics.stack.config.GeneratedHeader;
import io.agentmetrics.stack.config.TextFiles;
import io.agentmetrics.stack.config.Yaml;
import java.nio.file.Path;

/**
 * The compose stack's default Alertmanager configuration: the alerting module's {@code
 * alertmanager.yml} with its routing, grouping and inhibition unchanged and every receiver silent
 * (a name without integrations, as kube-prometheus-stack's {@code null} receiver). Alerts show in
 * Alertmanager and Grafana from the first minute and nothing is sent to hosts that do not exist;
 * real receivers are one setting away ({@code ALERTMANAGER_CONFIG=notifying}).
 */
public final class SilentAlertmanagerConfig {

  /** Where the alerting module's configuration lives in the repository (for the header). */
  public static final String SOURCE = "alerting/alertmanager/alertmanager.yml";

  /** The generated file, relative to the stack directory. */
  public static final String FILE = "alertmanager/silent/alertmanager.yml";

  private static final String HEADER =
      GeneratedHeader.of(SOURCE, SilentAlertmanagerConfig.class)
          + "#\n"
          + "# compose.yaml's default: the same routes, grouping and inhibitions, every receiver"
          + " silent.\n"
          + "# Alerts show in Alertmanager (:9093) and Grafana; nothing is sent anywhere. To notify,"
          + " put the\n"
          + "# receivers' secrets in stack/secrets/alertmanager/ and set ALERTMANAGER_CONFIG=notifying"
          + " in stack/.env.\n";

  private SilentAlertmanagerConfig() {}

  /** {@code alertmanagerYaml} with every receiver's integrations and notification globals gone. */
  public static String render(String alertmanagerYaml) {
    ObjectNode config = Yaml.parseMapping(alertmanagerYaml, "an Alertmanager configuration");
    config.with("global").retain("resolve_timeout");
    JsonNode original = config.path("receivers");
    ArrayNode receivers = config.putArray("receivers");
    for (JsonNode receiver : original) {
      receivers.addObject().put("name", receiver.path("name").asText());
    }
    return HEADER + Yaml.write(config);
  }

  /**
   * Writes {@link #FILE} under {@code stackDirectory} from the alerting artifact's configuration.
   */
  public static void write(Path stackDirectory) {
    TextFiles.write(stackDirectory.resolve(FILE), render(AlertingBundle.alertmanagerConfig()));
  }
}
