package dev.agenttrace.processor;

import java.util.List;

/**
 * Everything about a traced method's spans known at compile time, written into one constant.
 *
 * @param operation the kind of operation
 * @param spanName the span name
 * @param constantAttributes attribute keys of {@code SemanticAttributes} (by constant name) and
 *     their string values, in order
 */
record SpanDescriptor(
    Operation operation, String spanName, List<ConstantAttribute> constantAttributes) {

  /**
   * One constant attribute.
   *
   * @param semanticAttributeConstant the name of the {@code SemanticAttributes} field
   * @param key the attribute key that field holds, to reject a parameter attribute reusing it
   * @param value the value
   */
  record ConstantAttribute(String semanticAttributeConstant, String key, String value) {}
}
