/**
 * Configuration entry point for applications: {@link dev.agenttrace.config.TracingConfig} builds
 * and installs a tracer from code, system properties or the OpenTelemetry environment variables.
 */
package dev.agenttrace.config;
