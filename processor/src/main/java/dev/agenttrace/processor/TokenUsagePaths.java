package dev.agenttrace.processor;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * How the generated code reads token counts from a model call's result, checked at compile time:
 * for each count, the chain of no-argument accessors to call on the result.
 *
 * @param valueType the type the chains start from: the result, the value a stage completes with,
 *     each element of a stream, or the final response a streaming handler receives
 * @param input accessors leading to the input token count, or an empty list for none
 * @param output accessors leading to the output token count, or an empty list for none
 */
record TokenUsagePaths(TypeMirror valueType, List<Accessor> input, List<Accessor> output) {

  /**
   * One accessor call in a chain.
   *
   * @param name the method to call
   * @param primitive whether it returns a primitive (so never null)
   */
  record Accessor(String name, boolean primitive) {}
}
