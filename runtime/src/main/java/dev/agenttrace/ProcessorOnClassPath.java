package dev.agenttrace;

import java.net.URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once when the annotation processor is on the run-time class path: added as a plain
 * dependency instead of on the processor path, it works, but ships the processor and JavaPoet with
 * the application. Found by a resource lookup, once, when a tracer is first installed.
 */
final class ProcessorOnClassPath {
  static final String PROCESSOR_CLASS = "dev/agenttrace/processor/AgentTraceProcessor.class";

  private static final Logger logger = LoggerFactory.getLogger(AgentTrace.class);
  private static volatile boolean checked;

  private ProcessorOnClassPath() {}

  /** Checks the class loader of the runtime, the first time only. */
  static void checkOnce() {
    if (checked) {
      return;
    }
    checked = true;
    ClassLoader loader = AgentTrace.class.getClassLoader();
    check(loader == null ? ClassLoader.getSystemClassLoader() : loader, logger);
  }

  /** Logs a warning on {@code log} when {@code loader} can see the processor; whether it did. */
  static boolean check(ClassLoader loader, Logger log) {
    URL processor = loader.getResource(PROCESSOR_CLASS);
    if (processor == null) {
      return false;
    }
    log.warn(
        "agenttrace-processor is on the run-time class path ({}): it is needed at compile time"
            + " only, and ships itself and JavaPoet with your application. Put it on the"
            + " annotation processor path instead (Maven: maven-compiler-plugin"
            + " <annotationProcessorPaths>; Gradle: annotationProcessor(...)), see"
            + " docs/troubleshooting.md.",
        processor);
    return true;
  }
}
