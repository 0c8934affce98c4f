package dev.agenttrace.processor;

import javax.lang.model.type.TypeMirror;

/**
 * A parameter recorded as a span attribute.
 *
 * @param index the parameter's position
 * @param key the attribute key
 * @param type the parameter's type as seen from the proxied type
 * @param valueKind how the value is recorded
 * @param primitive whether the parameter is a primitive (and so never null)
 */
record ParameterAttribute(
    int index, String key, TypeMirror type, AttributeValueKind valueKind, boolean primitive) {}
