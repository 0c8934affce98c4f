/**
 * Annotations that mark agent, tool and model-call interfaces for tracing.
 *
 * <p>The AgentTrace annotation processor reads them at compile time and writes, next to each
 * annotated type {@code Foo}, a proxy class {@code FooTraced} with a static {@code wrap(Foo)}
 * factory. For a nested type {@code Outer.Inner} the proxy is {@code Outer_InnerTraced}, in the
 * same package. The proxy implements {@code Foo}, forwards every call to the wrapped instance and
 * wraps each traced method in a span.
 *
 * <p>All annotations have {@link java.lang.annotation.RetentionPolicy#CLASS CLASS} retention:
 * nothing reads them at run time, so the generated code works without reflection.
 *
 * <p>Where an operation annotation ({@link dev.agenttrace.annotations.AgentRun}, {@link
 * dev.agenttrace.annotations.Tool}, {@link dev.agenttrace.annotations.LlmCall}, {@link
 * dev.agenttrace.annotations.Traced}) sits on a type, it applies to every abstract method of that
 * type; an operation annotation on a method overrides the type's. Methods that no annotation
 * reaches are forwarded untouched.
 */
package dev.agenttrace.annotations;
