/**
 * The recording tracer: {@link dev.agenttrace.sdk.TracerSdk} creates spans, asks the sampler, keeps
 * time and hands spans to the span processors.
 */
package dev.agenttrace.sdk;
