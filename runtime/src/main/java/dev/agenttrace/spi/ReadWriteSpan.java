package dev.agenttrace.spi;

import dev.agenttrace.Span;

/**
 * A recording span as span processors see it when it starts: readable like exported data and still
 * writable, so that a processor can add attributes (for example copy baggage onto the span).
 */
public interface ReadWriteSpan extends Span, SpanData {}
