package io.agentmetrics.alerting;

import io.agentmetrics.alerting.mixin.MixinConfig;
import io.agentmetrics.alerting.mixin.RuleTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * This module's files as its artifact carries them, under {@value #ROOT}: the mixin (configuration,
 * cluster overlay, rule templates), Alertmanager's configuration and the runbooks the rules link
 * to. Other modules (the stack's Kubernetes and compose generators) take them from their classpath,
 * from the jar or the build's classes directory, never from this module's source tree.
 */
public final class AlertingBundle {

  /** The classpath directory of the bundle. */
  public static final String ROOT = "io/agentmetrics/alerting/bundle";

  /** The mixin's base configuration, as named in the bundle. */
  public static final String CONFIG = "mixin/config.yaml";

  /** The cluster overlay of the mixin's configuration. */
  public static final String KUBERNETES_OVERLAY = "mixin/kubernetes.yaml";

  private AlertingBundle() {}

  /**
   * Every rule template rendered with the base configuration and {@code overlays} (bundle paths
   * such as {@link #KUBERNETES_OVERLAY}): file name to rendered text.
   */
  public static Map<String, String> renderRules(List<String> overlays) {
    return read(
        root -> {
          List<Path> configs =
              Stream.concat(Stream.of(CONFIG), overlays.stream()).map(root::resolve).toList();
          return RuleTemplates.render(
              root.resolve("mixin/rules"), MixinConfig.load(configs), root.resolve("runbooks.md"));
        });
  }

  /** Alertmanager's configuration: routes, grouping, inhibitions and the receivers. */
  public static String alertmanagerConfig() {
    return read(root -> text(root.resolve("alertmanager/alertmanager.yml")));
  }

  /** Runs {@code reader} on the bundle's root directory, open for that time. */
  static <T> T read(Function<Path, T> reader) {
    URL url = AlertingBundle.class.getClassLoader().getResource(ROOT + "/" + CONFIG);
    if (url == null) {
      throw new IllegalStateException(
          "the alerting bundle is not on the classpath (" + ROOT + "): depend on the alerting jar");
    }
    try {
      URI config = url.toURI();
      if (!"jar".equals(config.getScheme())) {
        return reader.apply(Path.of(config).getParent().getParent());
      }
      String jar = config.toString().substring(0, config.toString().indexOf("!/"));
      try (FileSystem zip = FileSystems.newFileSystem(URI.create(jar + "!/"), Map.of())) {
        return reader.apply(zip.getPath("/" + ROOT));
      } catch (FileSystemAlreadyExistsException e) {
        return reader.apply(FileSystems.getFileSystem(URI.create(jar + "!/")).getPath("/" + ROOT));
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the alerting bundle at " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the alerting bundle at " + url, e);
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
