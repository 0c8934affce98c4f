/**
 * Measurements taken from ended spans (latency histograms, sliding windows, thresholds, tracing
 * self-metrics) and their Prometheus text format.
 */
package dev.agenttrace.metrics;
