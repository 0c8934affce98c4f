package dev.agenttrace.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A proxy to write: the validated, immutable description of a traced type.
 *
 * @param originatingElement the one source element the proxy is generated from: the annotated type,
 *     or the type carrying {@code @TraceInterface} for a third-party interface
 * @param target the traced type
 * @param proxyName the generated class's name
 * @param style whether the proxy wraps a delegate or extends the class
 * @param isPublic whether the generated class is public
 * @param isAbstract whether the generated subclass must stay abstract (abstract methods remain)
 * @param methods every method the proxy overrides, in declaration order
 * @param constructors the target's accessible constructors, mirrored by a subclass
 * @param suppressedWarnings lint categories the mirrored signatures would trip, to suppress
 */
record ProxyType(
    Element originatingElement,
    TypeElement target,
    ClassName proxyName,
    Style style,
    boolean isPublic,
    boolean isAbstract,
    List<ProxyMethod> methods,
    List<ExecutableElement> constructors,
    Set<String> suppressedWarnings) {

  /** How a proxy reaches the traced code. */
  enum Style {
    /** Implements an interface and forwards every call to a wrapped delegate. */
    DELEGATE,
    /** Extends a class and calls {@code super} from the traced methods it overrides. */
    SUBCLASS
  }
}
