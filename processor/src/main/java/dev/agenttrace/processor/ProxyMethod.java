package dev.agenttrace.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ExecutableType;

/**
 * One method the proxy overrides.
 *
 * @param element the method as declared (possibly in a supertype)
 * @param type the method's type as a member of the proxied type, type arguments substituted
 * @param span the span to wrap the call in, or {@code null} to forward the call untouched
 * @param attributes the parameters recorded as attributes
 */
record ProxyMethod(
    ExecutableElement element,
    ExecutableType type,
    SpanDescriptor span,
    List<ParameterAttribute> attributes) {

  boolean isTraced() {
    return span != null;
  }
}
