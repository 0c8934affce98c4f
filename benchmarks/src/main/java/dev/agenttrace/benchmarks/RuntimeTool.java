package dev.agenttrace.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A RUNTIME-retention tool annotation, as reflection-based frameworks use: the baseline that
 * AgentTrace's CLASS-retention, compile-time approach is measured against.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RuntimeTool {
  String name();
}
