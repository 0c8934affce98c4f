package dev.agenttrace.processor;

import dev.agenttrace.processor.ProxyMethod.Capture;
import dev.agenttrace.processor.ProxyMethod.ResultKind;
import dev.agenttrace.processor.SpanDescriptor.ConstantAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What a traced call records of its parameters: {@code @SpanAttribute}s (typed, with checked keys)
 * and, for tools that opt in, the captured arguments minus {@code @Sensitive} ones.
 */
final class ParameterRules {
  private static final Pattern ATTRIBUTE_KEY =
      Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

  private final Types types;
  private final ErrorReporter errors;

  ParameterRules(Types types, ErrorReporter errors) {
    this.types = types;
    this.errors = errors;
  }

  /**
   * The attributes recorded from the parameters of {@code method} (as {@code methodType}) for
   * {@code span}; with a null span, reports every {@code @SpanAttribute} as misplaced.
   */
  List<ParameterAttribute> attributes(
      ExecutableElement method, ExecutableType methodType, SpanDescriptor span) {
    List<ParameterAttribute> attributes = new ArrayList<>();
    Map<String, String> parameterByKey = new HashMap<>();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      AnnotationMirror mirror = Annotations.find(parameter, Annotations.SPAN_ATTRIBUTE);
      if (mirror == null) {
        continue;
      }
      String parameterName = parameter.getSimpleName().toString();
      if (span == null) {
        errors.error(
            parameter,
            mirror,
            Messages.SPAN_ATTRIBUTE_ON_UNTRACED_METHOD,
            parameterName,
            method.getSimpleName() + "()");
        continue;
      }
      if (Annotations.find(parameter, Annotations.SENSITIVE) != null) {
        errors.error(parameter, mirror, Messages.SENSITIVE_SPAN_ATTRIBUTE, parameterName);
        continue;
      }
      AnnotationValue keyValue = Annotations.explicitValue(mirror, "value");
      String key = keyValue == null ? "" : String.valueOf(keyValue.getValue());
      if (key.isEmpty()) {
        key = parameterName;
      }
      if (!ATTRIBUTE_KEY.matcher(key).matches()) {
        errors.error(parameter, mirror, keyValue, Messages.MALFORMED_ATTRIBUTE_KEY, key);
        continue;
      }
      if (isReserved(key, span)) {
        errors.error(
            parameter,
            mirror,
            keyValue,
            Messages.RESERVED_ATTRIBUTE_KEY,
            key,
            method.getSimpleName() + "()",
            key.substring(key.lastIndexOf('.') + 1));
        continue;
      }
      String previous = parameterByKey.putIfAbsent(key, parameterName);
      if (previous != null) {
        errors.error(parameter, mirror, keyValue, Messages.DUPLICATE_ATTRIBUTE_KEY, key, previous);
        continue;
      }
      TypeMirror type = methodType.getParameterTypes().get(i);
      attributes.add(
          new ParameterAttribute(i, key, type, valueKind(type), type.getKind().isPrimitive()));
    }
    return List.copyOf(attributes);
  }

  /** What a tool call captures, from the method's and type's {@code @Tool} settings. */
  Capture capture(
      ExecutableElement method,
      ResultKind result,
      OperationSettings methodSettings,
      OperationSettings typeSettings) {
    boolean arguments =
        OperationSettings.inheritedFlag(methodSettings, typeSettings, "captureArguments");
    boolean captureResult =
        OperationSettings.inheritedFlag(methodSettings, typeSettings, "captureResult");
    if (result == ResultKind.VOID && captureResult) {
      Boolean explicit = methodSettings == null ? null : methodSettings.bool("captureResult");
      if (explicit != null) {
        errors.error(
            method,
            methodSettings.mirror(),
            methodSettings.value("captureResult"),
            Messages.CAPTURE_RESULT_OF_VOID,
            method.getSimpleName() + "()");
      }
      captureResult = false;
    }
    if (!arguments && !captureResult) {
      return null;
    }
    List<Integer> indexes = new ArrayList<>();
    if (arguments) {
      List<? extends VariableElement> parameters = method.getParameters();
      for (int i = 0; i < parameters.size(); i++) {
        if (Annotations.find(parameters.get(i), Annotations.SENSITIVE) == null) {
          indexes.add(i);
        }
      }
    }
    return new Capture(List.copyOf(indexes), arguments, captureResult);
  }

  private static boolean isReserved(String key, SpanDescriptor span) {
    for (ConstantAttribute attribute : span.constantAttributes()) {
      if (attribute.key().equals(key)) {
        return true;
      }
    }
    if (key.equals(SemanticKeys.key("ERROR_TYPE"))
        || key.equals(SemanticKeys.key("CODE_FUNCTION_NAME"))) {
      return true; // set on every span
    }
    // A GenAI span may set any GenAI key while the call runs; a generic span only its own.
    return span.operation() != Operation.TRACED && SemanticKeys.isReserved(key);
  }

  private AttributeValueKind valueKind(TypeMirror type) {
    TypeMirror unboxed = type;
    if (type.getKind() == TypeKind.DECLARED) {
      try {
        unboxed = types.unboxedType(type);
      } catch (IllegalArgumentException notABox) {
        unboxed = type;
      }
    }
    return switch (unboxed.getKind()) {
      case BOOLEAN -> AttributeValueKind.BOOLEAN;
      case BYTE, SHORT, INT, LONG -> AttributeValueKind.LONG;
      case FLOAT, DOUBLE -> AttributeValueKind.DOUBLE;
      case CHAR -> AttributeValueKind.CHAR;
      case ARRAY -> AttributeValueKind.ARRAY;
      case DECLARED -> {
        Element element = types.asElement(unboxed);
        if (element.getKind() == ElementKind.ENUM) {
          yield AttributeValueKind.ENUM;
        }
        yield ((TypeElement) element).getQualifiedName().contentEquals("java.lang.String")
            ? AttributeValueKind.STRING
            : AttributeValueKind.OTHER;
      }
      default -> AttributeValueKind.OTHER;
    };
  }
}
