package dev.agenttrace.context;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;

/** The async patterns on {@link ForkJoinPool#commonPool()}, where threads are shared and reused. */
class AsyncPatternsOnCommonPoolTest extends AsyncPatternsContract {
  @Override
  ExecutorService pool() {
    return ForkJoinPool.commonPool();
  }

  @Override
  ThreadFactory threads() {
    return Executors.defaultThreadFactory();
  }
}
