package dev.agenttrace.context;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.Context;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Executors that carry the submitter's context to the thread that runs the task.
 *
 * <p>Each task runs with the context that was current <em>when it was submitted</em>, and that
 * context is removed again when the task ends, so a pooled (or virtual) thread never keeps a span
 * current for the next task. Spans started in the task are children of the submitter's span.
 *
 * <pre>{@code
 * ExecutorService tools = ContextExecutors.wrap(Executors.newFixedThreadPool(4));
 * Future<Order> order = tools.submit(() -> orderTools.lookupOrder(id)); // child of current span
 * }</pre>
 *
 * <p>Compare {@link Context#wrap(Executor)}, which runs every task in one fixed context.
 */
public final class ContextExecutors {
  private ContextExecutors() {}

  /** An executor running each task in the context current at {@link Executor#execute}. */
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
