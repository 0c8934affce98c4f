package dev.agenttrace.spi;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Attributes;
import dev.agenttrace.SemanticAttributes;

/**
 * What produced the spans: the service and its environment, as resource attributes. Every span a
 * tracer records carries its tracer's resource.
 */
public final class Resource {
  /** The service name OpenTelemetry uses when none is configured. */
  public static final String UNKNOWN_SERVICE = "unknown_service:java";

  private static final Resource DEFAULT =
      new Resource(Attributes.of(SemanticAttributes.SERVICE_NAME, UNKNOWN_SERVICE));

  private final Attributes attributes;

  /** Cached like String's: computed at most a few times, racily but to the same value. */
  private int hash;

  private Resource(Attributes attributes) {
    this.attributes = attributes;
  }

  /** The resource of an unnamed service. */
  public static Resource defaultResource() {
    return DEFAULT;
  }

  /** A resource of {@code attributes}; {@code service.name} defaults as in OpenTelemetry. */
  public static Resource create(Attributes attributes) {
    requireNonNull(attributes, "attributes");
    if (attributes.get(SemanticAttributes.SERVICE_NAME) != null) {
      return new Resource(attributes);
    }
    return new Resource(
        Attributes.builder()
            .put(SemanticAttributes.SERVICE_NAME, UNKNOWN_SERVICE)
            .putAll(attributes)
            .build());
  }

  /** A resource naming just the service. */
  public static Resource forService(String serviceName) {
    return new Resource(
        Attributes.of(SemanticAttributes.SERVICE_NAME, requireNonNull(serviceName, "serviceName")));
  }

  /** The {@code service.name} attribute. */
  public String serviceName() {
    return attributes.get(SemanticAttributes.SERVICE_NAME);
  }

  /** All resource attributes. */
  public Attributes attributes() {
    return attributes;
  }

  /** A resource with {@code other}'s attributes added, {@code other} winning on the same key. */
  public Resource merge(Resource other) {
    return new Resource(attributes.toBuilder().putAll(other.attributes).build());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Resource && ((Resource) other).attributes.equals(attributes);
  }

  /** Allocation-free after the first call: exporters may key per-resource caches by it. */
  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = attributes.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "Resource" + attributes;
  }
}
