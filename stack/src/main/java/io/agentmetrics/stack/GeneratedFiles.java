package io.agentmetrics.stack;

import io.agentmetrics.stack.compose.SilentAlertmanagerConfig;
import io.agentmetrics.stack.config.GeneratedHeader;
import io.agentmetrics.stack.kubernetes.KubernetesAlertmanagerConfig;
import io.agentmetrics.stack.kubernetes.KubernetesManifests;
import java.nio.file.Path;

/**
 * Regenerates the stack's files that come from other modules' artifacts ({@value
 * GeneratedHeader#REGENERATE_COMMAND}): the Kubernetes manifests (rules, dashboards, the
 * AlertmanagerConfig) and compose's silent Alertmanager configuration.
 */
public final class GeneratedFiles {

  private GeneratedFiles() {}

  /** {@code GeneratedFiles [stack directory]}. */
  public static void main(String[] args) {
    Path stack = Path.of(args.length > 0 ? args[0] : ".");
    KubernetesManifests.main(args);
    SilentAlertmanagerConfig.write(stack);
    System.out.println("wrote " + SilentAlertmanagerConfig.FILE);
    KubernetesAlertmanagerConfig.write(stack);
    System.out.println("wrote " + KubernetesAlertmanagerConfig.FILE);
  }
}
