package dev.agenttrace.opentelemetry;

import dev.agenttrace.SpanLink;
import dev.agenttrace.spi.SpanEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/**
 * One AgentTrace span as OpenTelemetry span data, converted once when made so that exporters can
 * read it as often as they like.
 */
final class AgentTraceSpanData implements SpanData {
  private final dev.agenttrace.spi.SpanData span;
  private final SpanContext spanContext;
  private final SpanContext parentSpanContext;
  private final Attributes attributes;
  private final List<EventData> events;
  private final List<LinkData> links;
  private final StatusData status;
  private final Resource resource;
  private final InstrumentationScopeInfo scope;

  AgentTraceSpanData(
      dev.agenttrace.spi.SpanData span, Resource resource, InstrumentationScopeInfo scope) {
    this.span = span;
    this.spanContext = OpenTelemetryMapping.toOtel(span.spanContext());
    this.parentSpanContext = OpenTelemetryMapping.toOtel(span.parentSpanContext());
    this.attributes = OpenTelemetryMapping.toOtel(span.attributes());
    List<EventData> events = new ArrayList<>(span.events().size());
    for (SpanEvent event : span.events()) {
      events.add(
          EventData.create(
              event.epochNanos(), event.name(), OpenTelemetryMapping.toOtel(event.attributes())));
    }
    this.events = List.copyOf(events);
    List<LinkData> links = new ArrayList<>(span.links().size());
    for (SpanLink link : span.links()) {
      links.add(
          LinkData.create(
              OpenTelemetryMapping.toOtel(link.spanContext()),
              OpenTelemetryMapping.toOtel(link.attributes())));
    }
    this.links = List.copyOf(links);
    String description = span.statusDescription();
    this.status =
        StatusData.create(
            OpenTelemetryMapping.toOtel(span.statusCode()), description == null ? "" : description);
    this.resource = resource;
    this.scope = scope;
  }

  @Override
  public String getName() {
    return span.name();
  }

  @Override
  public SpanKind getKind() {
    return OpenTelemetryMapping.toOtel(span.kind());
  }

  @Override
  public SpanContext getSpanContext() {
    return spanContext;
  }

  @Override
  public SpanContext getParentSpanContext() {
    return parentSpanContext;
  }

  @Override
  public StatusData getStatus() {
    return status;
  }

  @Override
  public long getStartEpochNanos() {
    return span.startEpochNanos();
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public List<EventData> getEvents() {
    return events;
  }

  @Override
  public List<LinkData> getLinks() {
    return links;
  }

  @Override
  public long getEndEpochNanos() {
    return span.endEpochNanos();
  }

  @Override
  public boolean hasEnded() {
    return span.hasEnded();
  }

  @Override
  public int getTotalRecordedEvents() {
    return events.size();
  }

  @Override
  public int getTotalRecordedLinks() {
    return links.size();
  }

  @Override
  public int getTotalAttributeCount() {
    return attributes.size();
  }

  @Override
  @Deprecated
  public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
    return InstrumentationLibraryInfo.create(scope.getName(), scope.getVersion());
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return scope;
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public String toString() {
    return "AgentTraceSpanData{" + span.name() + ", " + spanContext + '}';
  }
}
