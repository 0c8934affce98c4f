package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * Everything that flows with a request: the current span and the baggage. Immutable; each thread
 * has a current context, changed only through {@link #makeCurrent()} and restored by closing the
 * returned scope.
 *
 * <p>Crossing to another thread is explicit: capture {@link #current()} and wrap the task.
 *
 * <pre>{@code
 * executor.submit(Context.current().wrap(() -> tools.lookupOrder(id)));
 * }</pre>
 */
public final class Context {
  private static final Context ROOT = new Context(Span.invalid(), Baggage.empty());

  private final Span span;
  private final Baggage baggage;

  private Context(Span span, Baggage baggage) {
    this.span = span;
    this.baggage = baggage;
  }

  static Context of(Span span, Baggage baggage) {
    return span == ROOT.span && baggage == ROOT.baggage ? ROOT : new Context(span, baggage);
  }

  /** The context of this thread; never {@code null}. */
  public static Context current() {
    return ContextStorage.current();
  }

  /** The empty context: no span, no baggage. */
  public static Context root() {
    return ROOT;
  }

  /** This context's span, or the invalid span. */
  public Span span() {
    return span;
  }

  /** This context's baggage. */
  public Baggage baggage() {
    return baggage;
  }

  /** A copy with {@code span} as its span. */
  public Context with(Span span) {
    return of(requireNonNull(span, "span"), baggage);
  }

  /** A copy with {@code baggage} as its baggage. */
  public Context with(Baggage baggage) {
    return of(span, requireNonNull(baggage, "baggage"));
  }

  /** Makes this context current on this thread until the returned scope is closed. */
  public Scope makeCurrent() {
    return ContextStorage.attach(span, baggage);
  }

  /** A runnable that runs {@code task} with this context current, on whatever thread runs it. */
  @SuppressWarnings("try") // the scope is only opened and closed, never read
  public Runnable wrap(Runnable task) {
    requireNonNull(task, "task");
    return () -> {
      try (Scope scope = makeCurrent()) {
        task.run();
      }
    };
  }

  /** A callable that calls {@code task} with this context current. */
  @SuppressWarnings("try") // the scope is only opened and closed, never read
  public <T> Callable<T> wrap(Callable<T> task) {
    requireNonNull(task, "task");
    return () -> {
      try (Scope scope = makeCurrent()) {
        return task.call();
      }
    };
  }

  /** An executor that runs each task with this context current. */
  public Executor wrap(Executor executor) {
    requireNonNull(executor, "executor");
    return task -> executor.execute(wrap(task));
  }

  @Override
  public String toString() {
    return "Context{span=" + span.spanContext() + ", baggage=" + baggage + '}';
  }
}
