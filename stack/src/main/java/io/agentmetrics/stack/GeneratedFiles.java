package io.agentmetrics.stack;

import io.agentmetrics.stack.compose.SilentAlertmanagerConfig;
import io.agentmetrics.stack.kubernetes.KubernetesAlertmanagerConfig;
import io.agentmetrics.stack.kubernetes.KubernetesManifests;
import java.nio.file.Path;

/**
 * Regenerates the stack's files that come from other modules' files ({@code ./mvnw -B -q -pl stack
 * compile exec:java}): the Kubernetes manifests (rules, dashboards, the AlertmanagerConfig) and
 * compose's silent Alertmanager configuration.
 */
public final class GeneratedFiles {

  private GeneratedFiles() {}

  /** {@code GeneratedFiles [repository root]}. */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    KubernetesManifests.main(args);
    SilentAlertmanagerConfig.write(root);
    System.out.println("wrote " + SilentAlertmanagerConfig.FILE);
    KubernetesAlertmanagerConfig.write(root);
    System.out.println("wrote " + KubernetesAlertmanagerConfig.FILE);
  }
}
