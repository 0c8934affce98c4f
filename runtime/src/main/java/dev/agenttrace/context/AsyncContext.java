package dev.agenttrace.context;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Context;
import dev.agenttrace.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Context capture for {@link CompletableFuture} and other callback APIs.
 *
 * <p>A {@code CompletableFuture} stage runs on whichever thread completes the previous stage (or on
 * the async executor), where the context of the code that <em>registered</em> it is unknown. The
 * {@code wrap...} methods capture {@link Context#current()} when called, that is when the stage is
 * registered, and make it current around the callback:
 *
 * <pre>{@code
 * CompletableFuture<String> reply =
 *     AsyncContext.supplyAsync(() -> tools.lookupOrder(id), pool)        // child of current span
 *         .thenApplyAsync(AsyncContext.wrapFunction(order -> model.complete(...)), pool);
 * }</pre>
 *
 * <p>Using an executor from {@link ContextExecutors} has the same effect for async stages whose
 * executor is given; the wrappers also cover stages run on the completing thread and {@code
 * ForkJoinPool.commonPool()}.
 */
// Scopes are closed by try-with-resources without being read: that is their use.
@SuppressWarnings("try")
public final class AsyncContext {
  private AsyncContext() {}

  /** {@link CompletableFuture#supplyAsync(Supplier)} with the current context carried over. */
  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> supplier) {
    return CompletableFuture.supplyAsync(wrapSupplier(supplier));
  }

  /** {@link CompletableFuture#supplyAsync(Supplier, Executor)} carrying the current context. */
  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> supplier, Executor executor) {
    return CompletableFuture.supplyAsync(wrapSupplier(supplier), executor);
  }

  /** {@link CompletableFuture#runAsync(Runnable)} with the current context carried over. */
  public static CompletableFuture<Void> runAsync(Runnable task) {
    return CompletableFuture.runAsync(Context.current().wrap(task));
  }

  /** {@link CompletableFuture#runAsync(Runnable, Executor)} carrying the current context. */
  public static CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
    return CompletableFuture.runAsync(Context.current().wrap(task), executor);
  }

  /** {@code supplier} run in the context current now. */
  public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
    requireNonNull(supplier, "supplier");
    Context context = Context.current();
    return () -> {
      try (Scope scope = context.makeCurrent()) {
        return supplier.get();
      }
    };
  }

  /** {@code function} run in the context current now. */
  public static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
    requireNonNull(function, "function");
    Context context = Context.current();
    return value -> {
      try (Scope scope = context.makeCurrent()) {
        return function.apply(value);
      }
    };
  }

  /** {@code function} run in the context current now. */
  public static <T, U, R> BiFunction<T, U, R> wrapBiFunction(BiFunction<T, U, R> function) {
    requireNonNull(function, "function");
    Context context = Context.current();
    return (first, second) -> {
      try (Scope scope = context.makeCurrent()) {
        return function.apply(first, second);
      }
    };
  }

  /** {@code consumer} run in the context current now. */
  public static <T> Consumer<T> wrapConsumer(Consumer<T> consumer) {
    requireNonNull(consumer, "consumer");
    Context context = Context.current();
    return value -> {
      try (Scope scope = context.makeCurrent()) {
        consumer.accept(value);
      }
    };
  }

  /** {@code consumer} run in the context current now. */
  public static <T, U> BiConsumer<T, U> wrapBiConsumer(BiConsumer<T, U> consumer) {
    requireNonNull(consumer, "consumer");
    Context context = Context.current();
    return (first, second) -> {
      try (Scope scope = context.makeCurrent()) {
        consumer.accept(first, second);
      }
    };
  }
}
