package io.agentmetrics.server.otlp;

import io.agentmetrics.api.Labels;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;

/** Who sent an OTLP resource: its {@code service.name}, the SDKs' required resource attribute. */
final class ResourceIdentity {

  /** The SDKs' name for a service that did not set one. */
  static final String UNKNOWN_SERVICE = "unknown_service";

  private ResourceIdentity() {}

  /** The resource's {@code service.name}, else {@value #UNKNOWN_SERVICE}. */
  static String serviceName(Resource resource) {
    String name = text(resource, "service.name");
    return name == null ? UNKNOWN_SERVICE : name;
  }

  /**
   * The team the resource's usage is charged to ({@link GenAiField#TEAM}'s key as a resource
   * attribute), else empty: not attributed.
   */
  static String team(Resource resource) {
    String team = text(resource, GenAiField.TEAM.variants().get(0).key());
    return team == null ? Labels.NO_TEAM : team;
  }

  /**
   * The provider of the resource's spans that name none ({@link GenAiField#PROVIDER}'s current key
   * as a resource attribute), else null.
   */
  static String provider(Resource resource) {
    return text(resource, GenAiField.PROVIDER.variants().get(0).key());
  }

  /**
   * The process that sent the resource, as the source of its in-flight reports: OpenTelemetry's
   * {@code service.instance.id}, else {@code host.name:process.pid}, else the service name (one
   * process per service assumed).
   */
  static String source(Resource resource) {
    String instance = text(resource, "service.instance.id");
    if (instance != null) {
      return instance;
    }
    String host = text(resource, "host.name");
    String pid = text(resource, "process.pid");
    return host != null && pid != null ? host + ":" + pid : serviceName(resource);
  }

  private static String text(Resource resource, String key) {
    for (KeyValue attribute : resource.getAttributesList()) {
      if (attribute.getKey().equals(key)) {
        String value = AttributeValues.text(attribute.getValue());
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
    }
    return null;
  }
}
