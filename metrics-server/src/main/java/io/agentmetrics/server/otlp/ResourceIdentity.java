package io.agentmetrics.server.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;

/** Who sent an OTLP resource: its {@code service.name}, the SDKs' required resource attribute. */
final class ResourceIdentity {

  /** The SDKs' name for a service that did not set one. */
  static final String UNKNOWN_SERVICE = "unknown_service";

  private ResourceIdentity() {}

  /** The resource's {@code service.name}, else {@value #UNKNOWN_SERVICE}. */
  static String serviceName(Resource resource) {
    for (KeyValue attribute : resource.getAttributesList()) {
      if (attribute.getKey().equals("service.name")) {
        String name = AttributeValues.text(attribute.getValue());
        if (name != null && !name.isBlank()) {
          return name;
        }
      }
    }
    return UNKNOWN_SERVICE;
  }
}
