/**
 * The bridge to OpenTelemetry: AgentTrace spans exported through an OpenTelemetry SDK exporter
 * (OTLP and the others), AgentTrace's metrics handed to the SDK's metrics pipeline ({@link
 * dev.agenttrace.opentelemetry.AgentTraceMetricProducer}), and the current context shared both
 * ways.
 */
package dev.agenttrace.opentelemetry;
