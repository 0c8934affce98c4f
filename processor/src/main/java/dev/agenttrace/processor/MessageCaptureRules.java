package dev.agenttrace.processor;

import dev.agenttrace.processor.GenAiReads.MessageCapture;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides which arguments and which result a call with {@code captureMessages = true} records as
 * message content, from their static types: text, the runtime's {@code GenAiMessage} (alone, in an
 * {@code Iterable} or an array), {@code ModelInput} for arguments and {@code ModelOutput} for
 * results. {@code @Sensitive} parameters never. Reports a capture that would record nothing (set on
 * a type or a {@code TraceInterface}: in every traced method, as overloads differ), or that the
 * span's conventions do not define.
 */
final class MessageCaptureRules {
  private static final String MESSAGE = "dev.agenttrace.GenAiMessage";
  private static final String INPUT = "dev.agenttrace.ModelInput";
  private static final String OUTPUT = "dev.agenttrace.ModelOutput";

  private final Elements elements;
  private final Types types;
  private final AccessorChains chains;
  private final ErrorReporter errors;

  MessageCaptureRules(Elements elements, Types types, AccessorChains chains, ErrorReporter errors) {
    this.elements = elements;
    this.types = types;
    this.chains = chains;
    this.errors = errors;
  }

  /** The capture of {@code method}, or null when not asked for (or after reporting an error). */
  MessageCapture resolve(
      ExecutableElement method,
      ExecutableType type,
      SpanDescriptor span,
      OperationSettings methodSettings,
      OperationSettings typeSettings,
      TypeMirror valueType,
      GenAiPaths.SharedPaths shared) {
    OperationSettings owner =
        OperationSettings.defining(methodSettings, typeSettings, "captureMessages");
    if (!OperationSettings.inheritedFlag(methodSettings, typeSettings, "captureMessages")) {
      return null;
    }
    String methodName = method.getSimpleName() + "()";
    String spanType = span.spanType();
    if (!spanType.equals(GenAiSetting.Spans.INFERENCE)
        && !spanType.equals(GenAiSetting.Spans.LOCAL_AGENT)
        && !spanType.equals(GenAiSetting.Spans.REMOTE_AGENT)) {
      errors.error(
          owner.element(),
          owner.mirror(),
          owner.value("captureMessages"),
          Messages.CAPTURE_NOT_IN_CONVENTIONS,
          methodName,
          span.genAiOperation());
      return null;
    }
    List<Integer> inputs = new ArrayList<>();
    for (int i = 0; i < type.getParameterTypes().size(); i++) {
      boolean sensitive =
          Annotations.find(method.getParameters().get(i), Annotations.SENSITIVE) != null;
      if (!sensitive && isContent(type.getParameterTypes().get(i), INPUT)) {
        inputs.add(i);
      }
    }
    boolean output = valueType != null && isContent(valueType, OUTPUT);
    boolean inherited = owner != methodSettings;
    if (inputs.isEmpty() && !output) {
      Runnable report =
          () ->
              errors.error(
                  owner.element(),
                  owner.mirror(),
                  owner.value("captureMessages"),
                  Messages.CAPTURE_NOTHING,
                  methodName);
      // Set on a type or request: it applies to the overloads that have content.
      if (inherited) {
        shared.failed("captureMessages", report);
      } else {
        report.run();
      }
      return null;
    }
    if (inherited) {
      shared.resolved("captureMessages");
    }
    return new MessageCapture(List.copyOf(inputs), output);
  }

  /** Text, a message, messages, or the request or response type {@code whole}. */
  private boolean isContent(TypeMirror type, String whole) {
    if (chains.isSubtype(type, "java.lang.CharSequence")
        || chains.isSubtype(type, MESSAGE)
        || chains.isSubtype(type, whole)) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return chains.isSubtype(array.getComponentType(), MESSAGE);
    }
    TypeElement message = elements.getTypeElement(MESSAGE);
    TypeElement iterable = elements.getTypeElement("java.lang.Iterable");
    TypeMirror view = chains.declaredView(type);
    if (message == null || view == null || view.getKind() != TypeKind.DECLARED) {
      return false;
    }
    DeclaredType messages =
        types.getDeclaredType(iterable, types.getWildcardType(message.asType(), null));
    return types.isAssignable(view, messages);
  }
}
