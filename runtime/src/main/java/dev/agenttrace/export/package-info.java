/**
 * Exporters that need no library: logging and JSON Lines; Zipkin in {@code export.zipkin}, the span
 * JSON format in {@code export.json}.
 */
package dev.agenttrace.export;
