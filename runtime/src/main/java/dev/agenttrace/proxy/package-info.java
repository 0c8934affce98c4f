/**
 * For generated code: what the proxies written by {@code agenttrace-processor} call besides the API
 * (span templates per operation, safe attribute values, tool-call JSON, and the spans of streaming
 * calls: {@link dev.agenttrace.proxy.StreamingCall}, {@link dev.agenttrace.proxy.TracedPublisher},
 * {@link dev.agenttrace.proxy.TracedStreams}).
 *
 * <p>Compatibility: none beyond the processor version. Do not call it from hand-written code; it
 * may change whenever the processor does.
 */
package dev.agenttrace.proxy;
