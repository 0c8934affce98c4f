/**
 * The bridge to OpenTelemetry: AgentTrace spans exported through an OpenTelemetry SDK exporter
 * (OTLP and the others), and the current context shared both ways.
 */
package dev.agenttrace.opentelemetry;
