package dev.agenttrace.processor;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * What a GenAI span reads while its call runs, all checked at compile time.
 *
 * @param valueType the value the response paths start from (see {@link GenAiPaths#resolve}), or
 *     null
 * @param requestModel the path of the requested model, read before the span starts, or null
 * @param request values read from the arguments when the span starts
 * @param response values read from the result when the call succeeded
 * @param messages the message content to capture, or null
 */
record GenAiReads(
    TypeMirror valueType,
    ValuePath requestModel,
    List<ValuePath> request,
    List<ValuePath> response,
    MessageCapture messages) {

  /** The paths read from the result, or null for none. */
  ResultReads resultReads() {
    return response.isEmpty() ? null : new ResultReads(valueType, response);
  }

  /** Whether there is nothing to read. */
  boolean isEmpty() {
    return requestModel == null && request.isEmpty() && response.isEmpty() && messages == null;
  }

  /**
   * The message content a call captures, when {@code ContentCapture} is on.
   *
   * @param inputs the parameters that are (or hold) input messages, in order
   * @param output whether the result is (or holds) output messages
   */
  record MessageCapture(List<Integer> inputs, boolean output) {}
}
