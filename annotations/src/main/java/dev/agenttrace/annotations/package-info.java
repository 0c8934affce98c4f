/**
 * Annotations that mark agent, tool and model-call code for tracing.
 *
 * <p>The AgentTrace annotation processor reads them at compile time and writes, next to each
 * annotated type {@code Foo}, a class {@code FooTraced}. For a nested type {@code Outer.Inner} it
 * is {@code Outer_InnerTraced}, in the same package.
 *
 * <ul>
 *   <li>For an interface, {@code FooTraced} implements it with a static {@code wrap(Foo)} factory:
 *       it forwards every call (default methods and {@code equals}/{@code hashCode}/{@code
 *       toString} included) to the wrapped instance and runs each traced method inside a span.
 *   <li>For a non-final class, {@code FooTraced} is a subclass with the same accessible
 *       constructors; construct it instead of {@code Foo}. It overrides the traced methods and
 *       calls {@code super}, so calls the class makes on itself are traced too. It is {@code
 *       abstract} when {@code Foo} is.
 *   <li>For an interface you cannot annotate, {@link dev.agenttrace.annotations.TraceInterface} on
 *       a type you own generates {@code {Interface}Traced} in that type's package.
 * </ul>
 *
 * <p>Where an operation annotation ({@link dev.agenttrace.annotations.AgentRun}, {@link
 * dev.agenttrace.annotations.Tool}, {@link dev.agenttrace.annotations.LlmCall}, {@link
 * dev.agenttrace.annotations.Retrieval}, {@link dev.agenttrace.annotations.CreateAgent}, {@link
 * dev.agenttrace.annotations.Traced}) sits on a type, it applies to every abstract method and every
 * default method with parameters of an interface, or every overridable method declared in a class
 * (never to {@code equals}, {@code hashCode}, {@code toString}); an operation annotation on a
 * method overrides the type's. Methods that no annotation reaches are forwarded untouched; an
 * annotation that reaches no method is a compile error. A method returning a {@code
 * CompletionStage} is traced until the stage completes.
 *
 * <p>All annotations have {@link java.lang.annotation.RetentionPolicy#CLASS CLASS} retention:
 * nothing reads them at run time, so the generated code works without reflection.
 */
package dev.agenttrace.annotations;
