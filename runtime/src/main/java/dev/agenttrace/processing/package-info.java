/**
 * What happens to spans between start and export: samplers (head sampling), span processors
 * (batching, tail sampling, redaction, baggage, trace listeners) and the in-memory collector.
 */
package dev.agenttrace.processing;
