package dev.agenttrace.processor;

import java.util.List;

/**
 * How the generated code reads token counts from a model call's result, checked at compile time:
 * for each count, the chain of no-argument accessors to call on the result.
 *
 * @param input accessors leading to the input token count, or an empty list for none
 * @param output accessors leading to the output token count, or an empty list for none
 */
record TokenUsagePaths(List<Accessor> input, List<Accessor> output) {

  /**
   * One accessor call in a chain.
   *
   * @param name the method to call
   * @param primitive whether it returns a primitive (so never null)
   */
  record Accessor(String name, boolean primitive) {}
}
