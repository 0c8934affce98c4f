package dev.agenttrace.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default {@code gen_ai.provider.name} for the model calls, created agents, remote agents and
 * retrievals declared in a type (and its nested types) or a whole package, so that each annotation
 * need not repeat it. The GenAI conventions require a provider on those spans; a declaration with
 * none anywhere is a compile error that names the places to set one.
 *
 * <pre>{@code
 * // package-info.java
 * @GenAiProvider("openai")
 * package com.acme.assistant;
 * }</pre>
 *
 * <p>Lookup order: the method's annotation, the type's operation annotation (or the
 * {@code @TraceInterface} request), then {@code @GenAiProvider} on the type, its enclosing types
 * and its package (for a {@code @TraceInterface}: the type carrying the request). In-process agents
 * ({@code @AgentRun} without {@code remote}) have no provider in the conventions and ignore it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface GenAiProvider {
  /**
   * The provider, as the conventions name it: {@code openai}, {@code anthropic}, {@code
   * aws.bedrock}, {@code gcp.vertex_ai}, {@code gcp.gemini}, {@code azure.ai.openai}, {@code
   * cohere}, {@code mistral_ai}, ... or your own.
   */
  String value();
}
