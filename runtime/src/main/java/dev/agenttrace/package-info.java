/**
 * The AgentTrace API: what users call. {@link dev.agenttrace.AgentTrace} holds the installed {@link
 * dev.agenttrace.Tracer}; {@link dev.agenttrace.Span}, {@link dev.agenttrace.Scope}, {@link
 * dev.agenttrace.Context} and {@link dev.agenttrace.Baggage} carry a trace through a call.
 *
 * <p>Compatibility: this package is the public API. Its types change only in compatible ways within
 * a major version, so proxies compiled against an older runtime keep working on a newer one.
 */
package dev.agenttrace;
