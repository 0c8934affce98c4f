package dev.agenttrace.processor;

import java.util.List;

/**
 * Everything about a traced method's spans known at compile time, written into one constant.
 *
 * @param operation the kind of operation
 * @param genAiOperation the {@code gen_ai.operation.name}, or null for a generic span
 * @param remote whether an agent run is a client of a remote agent
 * @param spanName the span name
 * @param factory the {@code SpanTemplates} factory that builds the template
 * @param factoryArguments what the factory takes, in order: constant names of {@link
 *     #constantAttributes()} (an absent one passes {@code ""}), or {@link #OPERATION} for the
 *     operation name; the other constant attributes are added with {@code withAttribute}
 * @param constantAttributes attribute keys of {@code SemanticAttributes} (by constant name) and
 *     their values, in order
 */
record SpanDescriptor(
    Operation operation,
    String genAiOperation,
    boolean remote,
    String spanName,
    String factory,
    List<String> factoryArguments,
    List<ConstantAttribute> constantAttributes) {

  /** A factory argument that stands for the operation name. */
  static final String OPERATION = "<operation>";

  /** The conventions' span type, such as {@code gen_ai.inference.client}; null for generic. */
  String spanType() {
    return genAiOperation == null ? null : GenAiSetting.Spans.of(genAiOperation, remote);
  }

  /** The value of the constant attribute {@code constant}, or {@code ""}. */
  String value(String constant) {
    for (ConstantAttribute attribute : constantAttributes) {
      if (attribute.semanticAttributeConstant().equals(constant)) {
        return attribute.value();
      }
    }
    return "";
  }

  /**
   * One constant attribute.
   *
   * @param semanticAttributeConstant the name of the {@code SemanticAttributes} field
   * @param key the attribute key that field holds, to reject a parameter attribute reusing it
   * @param value the value
   * @param isLong whether the value is a number (a long attribute), not a string
   */
  record ConstantAttribute(
      String semanticAttributeConstant, String key, String value, boolean isLong) {}
}
