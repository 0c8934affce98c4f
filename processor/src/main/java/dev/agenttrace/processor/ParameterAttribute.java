package dev.agenttrace.processor;

import javax.lang.model.type.TypeMirror;

/**
 * A parameter recorded as a span attribute.
 *
 * @param parameterName the parameter's name in the generated method
 * @param key the attribute key
 * @param type the parameter's type as seen from the proxied type
 * @param valueKind how the value is recorded
 * @param primitive whether the parameter is a primitive (and so never null)
 */
record ParameterAttribute(
    String parameterName,
    String key,
    TypeMirror type,
    AttributeValueKind valueKind,
    boolean primitive) {}
