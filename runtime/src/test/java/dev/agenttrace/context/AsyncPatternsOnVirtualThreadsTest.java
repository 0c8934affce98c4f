package dev.agenttrace.context;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The async patterns on virtual threads (JDK 21+), one per task. The runtime is compiled for Java
 * 17, so the test reaches the JDK 21 factories through reflection; the propagation it tests uses no
 * JDK 21 API at all.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class AsyncPatternsOnVirtualThreadsTest extends AsyncPatternsContract {
  private final ExecutorService pool = newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Override
  ExecutorService pool() {
    return pool;
  }

  @Override
  ThreadFactory threads() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (ThreadFactory)
          Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no virtual threads on " + Runtime.version(), e);
    }
  }

  private static ExecutorService newVirtualThreadPerTaskExecutor() {
    try {
      return (ExecutorService)
          Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no virtual threads on " + Runtime.version(), e);
    }
  }
}
