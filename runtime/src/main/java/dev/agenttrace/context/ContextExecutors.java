package dev.agenttrace.context;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Context;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Executors that carry a context to the thread that runs the task, in two ways:
 *
 * <ul>
 *   <li>{@link #wrap wrap(pool)}: each task runs in the context current <em>on the thread that
 *       hands it to the executor</em> ({@code execute}, {@code submit}, {@code schedule}). Right
 *       for a pool you submit tasks to yourself:
 *       <pre>{@code
 * ExecutorService tools = ContextExecutors.wrap(Executors.newFixedThreadPool(4));
 * Future<Order> order = tools.submit(() -> orderTools.lookupOrder(id)); // child of current span
 * }</pre>
 *   <li>{@link #current current(pool)}: every task runs in the context current <em>now</em>, when
 *       this method is called, whichever thread hands it over later. Right for the executor of a
 *       {@code CompletionStage}'s {@code *Async} methods: a stage registered on an unfinished
 *       future is handed to its executor by the thread that completes the previous stage (an HTTP
 *       client's thread, say), where {@code wrap(pool)} would find that thread's context, not the
 *       registering code's:
 *       <pre>{@code
 * reply.thenApplyAsync(answer -> model.complete(answer), ContextExecutors.current(pool));
 * }</pre>
 * </ul>
 *
 * <p>Either way the context is removed again when the task ends, so a pooled (or virtual) thread
 * never keeps a span current for the next task, and spans started in the task are children of the
 * captured span. See {@link AsyncContext} for wrapping the callbacks themselves instead.
 */
public final class ContextExecutors {
  private ContextExecutors() {}

  /**
   * An executor running each task in the context current at {@link Executor#execute}, on the
   * calling thread. Not for a {@code CompletionStage}'s {@code *Async} methods: use {@link
   * #current(Executor)} there.
   */
  public static Executor wrap(Executor executor) {
    requireNonNull(executor, "executor");
    if (executor instanceof ContextExecutorService) {
      return executor;
    }
    return new Executor() {
      @Override
      public void execute(Runnable task) {
        executor.execute(Context.current().wrap(task));
      }

      @Override
      public String toString() {
        return "ContextExecutor[" + executor + ']';
      }
    };
  }

  /**
   * An executor running every task in the context current now, at this call, whichever thread later
   * hands it a task; the executor to give a {@code CompletionStage}'s {@code *Async} methods. The
   * same as {@code Context.current().wrap(executor)}.
   */
  public static Executor current(Executor executor) {
    return Context.current().wrap(requireNonNull(executor, "executor"));
  }

  /**
   * An executor service running each task in the context current when it was submitted; {@code
   * shutdown} and the other life-cycle methods go to {@code executor}.
   */
  public static ExecutorService wrap(ExecutorService executor) {
    requireNonNull(executor, "executor");
    return executor instanceof ContextExecutorService
        ? executor
        : new ContextExecutorService(executor);
  }

  /** As {@link #wrap(ExecutorService)}, for scheduled and periodic tasks too. */
  public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
    requireNonNull(executor, "executor");
    return executor instanceof ContextScheduledExecutorService
        ? executor
        : new ContextScheduledExecutorService(executor);
  }
}
