/**
 * Keeping the current context across threads and asynchronous stages: wrapped executors, {@code
 * CompletionStage} helpers and conversation ids.
 */
package dev.agenttrace.context;
