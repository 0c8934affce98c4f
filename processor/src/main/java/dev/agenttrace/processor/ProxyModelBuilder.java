package dev.agenttrace.processor;

import com.palantir.javapoet.ClassName;
import dev.agenttrace.processor.SpanDescriptor.ConstantAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates an annotated type and describes the proxy to write for it. Every problem is reported
 * on the element it concerns; a type with any error yields no model, so no proxy is written.
 */
final class ProxyModelBuilder {
  static final String SPAN_ATTRIBUTE = "dev.agenttrace.annotations.SpanAttribute";

  private static final Pattern ATTRIBUTE_KEY =
      Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

  private final Elements elements;
  private final Types types;
  private final ErrorReporter errors;

  ProxyModelBuilder(ProcessingEnvironment env, ErrorReporter errors) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.errors = errors;
  }

  /** The proxy's name: simple names of the type and its enclosing types, joined by '_'. */
  static ClassName proxyName(TypeElement type, Elements elements) {
    StringBuilder simpleName = new StringBuilder(type.getSimpleName());
    for (Element enclosing = type.getEnclosingElement();
        enclosing instanceof TypeElement;
        enclosing = enclosing.getEnclosingElement()) {
      simpleName.insert(0, enclosing.getSimpleName() + "_");
    }
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    return ClassName.get(packageName, simpleName + "Traced");
  }

  Optional<ProxyType> build(TypeElement type) {
    int errorsBefore = errors.errorCount();
    AnnotationMirror typeOperationMirror = null;
    Operation typeOperation = null;
    for (Operation operation : Operation.values()) {
      AnnotationMirror mirror = Annotations.find(type, operation.annotationName());
      if (mirror != null) {
        if (typeOperation != null) {
          errors.error(
              type,
              mirror,
              Messages.TWO_OPERATIONS,
              type.getSimpleName(),
              typeOperation.annotationSimpleName(),
              operation.annotationSimpleName());
        } else {
          typeOperation = operation;
          typeOperationMirror = mirror;
        }
      }
    }
    checkProxyable(type, typeOperation, typeOperationMirror);

    ClassName proxyName = proxyName(type, elements);
    TypeElement existing = elements.getTypeElement(proxyName.canonicalName());
    if (existing != null && !isGeneratedByUs(existing)) {
      errors.error(
          type, Messages.PROXY_NAME_CLASH, proxyName.canonicalName(), type.getQualifiedName());
    }

    DeclaredType declaredType = (DeclaredType) type.asType();
    List<ExecutableElement> methods = proxiedMethods(type);
    List<ProxyMethod> proxyMethods = new ArrayList<>();
    if (typeOperation == Operation.TOOL) {
      checkTypeLevelToolName(type, typeOperationMirror, methods);
    }
    for (ExecutableElement method : methods) {
      ExecutableType methodType = (ExecutableType) types.asMemberOf(declaredType, method);
      SpanDescriptor span = spanFor(type, method, typeOperation, typeOperationMirror);
      List<ParameterAttribute> attributes =
          parameterAttributes(method, methodType, span != null);
      proxyMethods.add(new ProxyMethod(method, methodType, span, attributes));
    }
    checkAnnotatedButNotProxied(type);
    if (errors.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new ProxyType(type, proxyName, List.copyOf(proxyMethods)));
  }

  private static boolean isGeneratedByUs(TypeElement existing) {
    AnnotationMirror generated =
        Annotations.find(existing, RuntimeNames.GENERATED.canonicalName());
    return generated != null
        && Annotations.string(generated, "value")
            .contains(AgentTraceProcessor.class.getCanonicalName());
  }

  private void checkProxyable(TypeElement type, Operation operation, AnnotationMirror mirror) {
    if (type.getKind() != ElementKind.INTERFACE) {
      String annotation = operation == null ? "Traced" : operation.annotationSimpleName();
      String what =
          switch (type.getKind()) {
            case CLASS -> "a class";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
          };
      if (mirror != null) {
        errors.error(
            type, mirror, Messages.NOT_AN_INTERFACE, annotation, type.getSimpleName(), what);
      } else {
        errors.error(type, Messages.NOT_AN_INTERFACE, annotation, type.getSimpleName(), what);
      }
    }
    for (Element t = type; t instanceof TypeElement; t = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        errors.error(type, Messages.PRIVATE_TYPE, ((TypeElement) t).getQualifiedName());
        break;
      }
    }
  }

  /** Abstract and default instance methods, declared or inherited; not Object's. */
  private List<ExecutableElement> proxiedMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    if (type.getKind() != ElementKind.INTERFACE) {
      return methods;
    }
    TypeElement object = elements.getTypeElement("java.lang.Object");
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Element owner = method.getEnclosingElement();
      if (owner.equals(object)
          || method.getModifiers().contains(Modifier.STATIC)
          || method.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      methods.add(method);
    }
    return methods;
  }

  private void checkTypeLevelToolName(
      TypeElement type, AnnotationMirror toolMirror, List<ExecutableElement> methods) {
    AnnotationValue name = Annotations.explicitValue(toolMirror, "name");
    if (name == null || String.valueOf(name.getValue()).isEmpty()) {
      return;
    }
    int unnamed = 0;
    for (ExecutableElement method : methods) {
      if (isAbstract(method) && operationAnnotation(method) == null) {
        unnamed++;
      }
    }
    if (unnamed > 1) {
      errors.error(
          type,
          toolMirror,
          name,
          Messages.TOOL_NAME_ON_TYPE,
          name.getValue(),
          type.getSimpleName(),
          unnamed);
    }
  }

  private static boolean isAbstract(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.ABSTRACT);
  }

  /** The single operation annotation on {@code method}, or null. Reports a second one. */
  private Operation operationAnnotation(ExecutableElement method) {
    Operation found = null;
    for (Operation operation : Operation.values()) {
      if (Annotations.find(method, operation.annotationName()) != null) {
        if (found == null) {
          found = operation;
        }
      }
    }
    return found;
  }

  private SpanDescriptor spanFor(
      TypeElement type,
      ExecutableElement method,
      Operation typeOperation,
      AnnotationMirror typeMirror) {
    Operation operation = null;
    AnnotationMirror mirror = null;
    for (Operation candidate : Operation.values()) {
      AnnotationMirror candidateMirror = Annotations.find(method, candidate.annotationName());
      if (candidateMirror == null) {
        continue;
      }
      if (operation != null) {
        errors.error(
            method,
            candidateMirror,
            Messages.TWO_OPERATIONS,
            method.getSimpleName() + "()",
            operation.annotationSimpleName(),
            candidate.annotationSimpleName());
        continue;
      }
      operation = candidate;
      mirror = candidateMirror;
    }
    if (operation == null) {
      if (typeOperation == null || !isAbstract(method)) {
        return null;
      }
      operation = typeOperation;
    }
    AnnotationMirror typeLevel = operation == typeOperation ? typeMirror : null;
    String methodName = method.getSimpleName().toString();
    String typeName = type.getSimpleName().toString();
    List<ConstantAttribute> attributes = new ArrayList<>();
    String spanName;
    switch (operation) {
      case AGENT_RUN -> {
        String agent = firstNonEmpty(Annotations.string(mirror, "name"),
            Annotations.string(typeLevel, "name"), typeName);
        String description = firstNonEmpty(Annotations.string(mirror, "description"),
            Annotations.string(typeLevel, "description"));
        spanName = operation.genAiOperationName() + " " + agent;
        attributes.add(new ConstantAttribute("GEN_AI_OPERATION_NAME", operation.genAiOperationName()));
        attributes.add(new ConstantAttribute("GEN_AI_AGENT_NAME", agent));
        if (!description.isEmpty()) {
          attributes.add(new ConstantAttribute("GEN_AI_AGENT_DESCRIPTION", description));
        }
      }
      case TOOL -> {
        String tool = firstNonEmpty(Annotations.string(mirror, "name"),
            Annotations.string(typeLevel, "name"), methodName);
        String description = firstNonEmpty(Annotations.string(mirror, "description"),
            Annotations.string(typeLevel, "description"));
        spanName = operation.genAiOperationName() + " " + tool;
        attributes.add(new ConstantAttribute("GEN_AI_OPERATION_NAME", operation.genAiOperationName()));
        attributes.add(new ConstantAttribute("GEN_AI_TOOL_NAME", tool));
        if (!description.isEmpty()) {
          attributes.add(new ConstantAttribute("GEN_AI_TOOL_DESCRIPTION", description));
        }
      }
      case LLM_CALL -> {
        String model = firstNonEmpty(Annotations.string(mirror, "model"),
            Annotations.string(typeLevel, "model"));
        String provider = firstNonEmpty(Annotations.string(mirror, "provider"),
            Annotations.string(typeLevel, "provider"));
        if (model.isEmpty()) {
          AnnotationMirror where = mirror != null ? mirror : typeMirror;
          errors.error(method, where, Messages.LLM_CALL_WITHOUT_MODEL, methodName + "()");
        }
        spanName = operation.genAiOperationName() + " " + model;
        attributes.add(new ConstantAttribute("GEN_AI_OPERATION_NAME", operation.genAiOperationName()));
        attributes.add(new ConstantAttribute("GEN_AI_REQUEST_MODEL", model));
        if (!provider.isEmpty()) {
          attributes.add(new ConstantAttribute("GEN_AI_PROVIDER_NAME", provider));
        }
      }
      case TRACED -> {
        String prefix = firstNonEmpty(Annotations.string(typeLevel, "name"), typeName);
        spanName = firstNonEmpty(Annotations.string(mirror, "name"), prefix + "." + methodName);
      }
      default -> throw new AssertionError(operation);
    }
    attributes.add(
        new ConstantAttribute(
            "CODE_FUNCTION_NAME", elements.getBinaryName(type) + "." + methodName));
    return new SpanDescriptor(operation, spanName, List.copyOf(attributes));
  }

  private static String firstNonEmpty(String... candidates) {
    for (String candidate : candidates) {
      if (!candidate.isEmpty()) {
        return candidate;
      }
    }
    return "";
  }

  private List<ParameterAttribute> parameterAttributes(
      ExecutableElement method, ExecutableType methodType, boolean traced) {
    List<ParameterAttribute> attributes = new ArrayList<>();
    Map<String, String> parameterByKey = new HashMap<>();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      AnnotationMirror mirror = Annotations.find(parameter, SPAN_ATTRIBUTE);
      if (mirror == null) {
        continue;
      }
      String parameterName = parameter.getSimpleName().toString();
      if (!traced) {
        errors.error(
            parameter,
            mirror,
            Messages.SPAN_ATTRIBUTE_ON_UNTRACED_METHOD,
            parameterName,
            method.getSimpleName() + "()");
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
      String previous = parameterByKey.putIfAbsent(key, parameterName);
      if (previous != null) {
        errors.error(parameter, mirror, keyValue, Messages.DUPLICATE_ATTRIBUTE_KEY, key, previous);
        continue;
      }
      TypeMirror type = methodType.getParameterTypes().get(i);
      attributes.add(
          new ParameterAttribute(
              parameterName, key, type, valueKind(type), type.getKind().isPrimitive()));
    }
    return List.copyOf(attributes);
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
    switch (unboxed.getKind()) {
      case BOOLEAN:
        return AttributeValueKind.BOOLEAN;
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        return AttributeValueKind.LONG;
      case FLOAT:
      case DOUBLE:
        return AttributeValueKind.DOUBLE;
      case CHAR:
        return AttributeValueKind.CHAR;
      case ARRAY:
        return AttributeValueKind.ARRAY;
      case DECLARED:
        Element element = types.asElement(unboxed);
        if (element.getKind() == ElementKind.ENUM) {
          return AttributeValueKind.ENUM;
        }
        if (((TypeElement) element).getQualifiedName().contentEquals("java.lang.String")) {
          return AttributeValueKind.STRING;
        }
        return AttributeValueKind.OTHER;
      default:
        return AttributeValueKind.OTHER;
    }
  }

  /** Operation annotations on static or private methods of the type would silently do nothing. */
  private void checkAnnotatedButNotProxied(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
      boolean isPrivate = method.getModifiers().contains(Modifier.PRIVATE);
      if (!isStatic && !isPrivate) {
        continue;
      }
      for (Operation operation : Operation.values()) {
        AnnotationMirror mirror = Annotations.find(method, operation.annotationName());
        if (mirror != null) {
          errors.error(
              method,
              mirror,
              Messages.NOT_PROXYABLE_METHOD,
              operation.annotationSimpleName(),
              method.getSimpleName() + "()",
              isStatic ? "static" : "private");
        }
      }
    }
  }
}
