package dev.agenttrace.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A proxy to write: the validated, immutable description of an annotated type.
 *
 * @param element the annotated type
 * @param proxyName the generated class's name
 * @param methods every method the proxy overrides, in declaration order
 */
record ProxyType(TypeElement element, ClassName proxyName, List<ProxyMethod> methods) {}
