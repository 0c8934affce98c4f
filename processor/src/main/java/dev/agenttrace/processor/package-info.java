/**
 * The annotation processor: reads {@code @AgentRun}, {@code @Tool}, {@code @LlmCall},
 * {@code @Traced} and {@code @TraceInterface}, builds immutable models of the traced types,
 * validates them (errors on the exact element) and writes one proxy per type with JavaPoet. Only
 * {@link dev.agenttrace.processor.AgentTraceProcessor} is public.
 */
package dev.agenttrace.processor;
