package dev.agenttrace.sdk;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.Context;
import dev.agenttrace.ContextStack;
import dev.agenttrace.Scope;
import dev.agenttrace.Span;
import dev.agenttrace.SpanBuilder;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanLink;
import dev.agenttrace.SpanTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The span builder of {@link TracerSdk}. */
final class SdkSpanBuilder implements SpanBuilder {
  private final TracerSdk tracer;
  private final String name;
  private Span parent;
  private Context parentContext;
  private SpanKind kind = SpanKind.INTERNAL;
  private Attributes.Builder attributes;
  private List<SpanLink> links;
  private long startEpochNanos;

  SdkSpanBuilder(TracerSdk tracer, String name) {
    this.tracer = tracer;
    this.name = name;
  }

  @Override
  public SpanBuilder setParent(Context parent) {
    this.parent = requireNonNull(parent, "parent").span();
    this.parentContext = parent;
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    this.parent = Span.invalid();
    this.parentContext = null;
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind kind) {
    this.kind = requireNonNull(kind, "kind");
    return this;
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    attributes().put(requireNonNull(key, "key"), value);
    return this;
  }

  @Override
  public SpanBuilder setAllAttributes(Attributes attributes) {
    attributes().putAll(requireNonNull(attributes, "attributes"));
    return this;
  }

  private Attributes.Builder attributes() {
    if (attributes == null) {
      attributes = Attributes.builder();
    }
    return attributes;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    requireNonNull(spanContext, "spanContext");
    requireNonNull(attributes, "attributes");
    if (spanContext.isValid()) {
      if (links == null) {
        links = new ArrayList<>();
      }
      links.add(new SpanLink(spanContext, attributes));
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long epochNanos) {
    this.startEpochNanos = epochNanos;
    return this;
  }

  /**
   * Starts the span. With an explicit parent context whose baggage is not the current one, that
   * context is current while processors see {@code onStart}, so that they read the parent's baggage
   * (a conversation id extracted from a request) rather than whatever the thread had.
   */
  @Override
  public Span startSpan() {
    if (parentContext != null && parentContext.baggage() != Context.current().baggage()) {
      try (Scope scope = parentContext.makeCurrent()) {
        return start();
      }
    }
    return start();
  }

  private Span start() {
    ContextStack stack = ContextStack.ofCurrentThread();
    return tracer.start(
        stack,
        parent == null ? stack.currentSpan() : parent,
        SpanTemplate.of(
            name,
            kind,
            attributes == null
                ? Attributes.empty()
                : AttributeLimits.limit(
                    attributes.build(), AttributeLimits.MAX_SPAN_STRING_LENGTH)),
        true,
        links == null ? List.of() : Collections.unmodifiableList(links),
        startEpochNanos,
        null,
        null,
        0);
  }
}
