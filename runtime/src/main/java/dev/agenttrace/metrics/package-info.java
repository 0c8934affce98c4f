/**
 * AgentTrace's one metrics model, measured from ended spans: {@link
 * dev.agenttrace.metrics.TracingMetrics} (tracing's own counters, the OpenTelemetry GenAI metrics
 * of {@link dev.agenttrace.metrics.GenAiConventions}, operation latency over sliding windows with
 * thresholds), its {@link dev.agenttrace.metrics.MetricsSnapshot}, and the Prometheus text format
 * ({@link dev.agenttrace.metrics.PrometheusTextFormat}, {@link
 * dev.agenttrace.metrics.PrometheusEndpoint}).
 */
package dev.agenttrace.metrics;
