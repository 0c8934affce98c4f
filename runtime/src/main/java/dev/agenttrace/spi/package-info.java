/**
 * The service-provider interface: what extends the SDK. Span data as processors and exporters see
 * it ({@link dev.agenttrace.spi.SpanData}, {@link dev.agenttrace.spi.Resource}), {@link
 * dev.agenttrace.spi.SpanProcessor}, {@link dev.agenttrace.spi.SpanExporter} and the {@link
 * dev.agenttrace.spi.Clock}.
 *
 * <p>Compatibility: public, versioned like the API; implementations written against it keep working
 * within a major version.
 */
package dev.agenttrace.spi;
