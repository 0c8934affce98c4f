package dev.agenttrace.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * A streaming handler interface, validated: the proxy implements it with a class that forwards
 * every method to the caller's handler and follows the stream through the methods with a role.
 *
 * @param type the handler type as the traced method declares it, type arguments included
 * @param methods every method of the handler, in declaration order
 */
record HandlerModel(DeclaredType type, List<HandlerMethod> methods) {

  /** What a handler method says about the stream. */
  enum Role {
    /** The stream succeeded: the span ends (after reading token counts). */
    COMPLETE,
    /** The stream failed with the {@code Throwable} parameter: recorded, the span ends. */
    ERROR,
    /** A piece of the stream arrived: the first one records the time to it. */
    CHUNK,
    /** Nothing about the stream: only forwarded. */
    FORWARD
  }

  /**
   * One handler method.
   *
   * @param element the method as declared
   * @param type the method as a member of the handler type
   * @param thrownTypes the checked exceptions the override may declare
   * @param role what it says about the stream
   * @param usage how a {@link Role#COMPLETE} method's one parameter gives the token counts, or null
   * @param suppressedWarnings lint categories its mirrored signature would trip
   */
  record HandlerMethod(
      ExecutableElement element,
      ExecutableType type,
      List<? extends TypeMirror> thrownTypes,
      Role role,
      ResultReads usage,
      List<String> suppressedWarnings) {}

  /** A key telling wrappers apart: the handler type and what each method does. */
  String key() {
    StringBuilder key = new StringBuilder(type.toString());
    for (HandlerMethod method : methods) {
      key.append(' ').append(method.role());
      if (method.usage() != null) {
        key.append(method.usage());
      }
    }
    return key.toString();
  }
}
