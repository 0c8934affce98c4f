package dev.agenttrace.processor;

import static dev.agenttrace.processor.OperationSettings.inherited;

import dev.agenttrace.processor.SpanDescriptor.ConstantAttribute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Names a traced method's span and its constant GenAI attributes from the operation settings of the
 * method and of its type, following the OpenTelemetry GenAI conventions.
 */
final class SpanDescriptors {
  /** Keys of the {@code SemanticAttributes} constants the proxies set, by constant name. */
  static final Map<String, String> KEYS =
      Map.ofEntries(
          Map.entry("GEN_AI_OPERATION_NAME", "gen_ai.operation.name"),
          Map.entry("GEN_AI_AGENT_NAME", "gen_ai.agent.name"),
          Map.entry("GEN_AI_AGENT_DESCRIPTION", "gen_ai.agent.description"),
          Map.entry("GEN_AI_TOOL_NAME", "gen_ai.tool.name"),
          Map.entry("GEN_AI_TOOL_DESCRIPTION", "gen_ai.tool.description"),
          Map.entry("GEN_AI_REQUEST_MODEL", "gen_ai.request.model"),
          Map.entry("GEN_AI_PROVIDER_NAME", "gen_ai.provider.name"),
          Map.entry("CODE_FUNCTION_NAME", "code.function.name"));

  /** Keys the proxies may set while a call runs, which no parameter attribute may reuse. */
  static final List<String> RUNTIME_KEYS =
      List.of(
          "gen_ai.tool.call.arguments",
          "gen_ai.tool.call.result",
          "gen_ai.usage.input_tokens",
          "gen_ai.usage.output_tokens",
          "error.type");

  static final String OPERATION_NAME = "operationName";

  /** The GenAI operations a model call can be, in {@code operationName}. */
  static final List<String> MODEL_OPERATIONS =
      List.of("chat", "text_completion", "generate_content", "embeddings");

  /** Settings each kind accepts in a {@code @TraceInterface}, beyond value, kind and methods. */
  private static final Map<Operation, List<String>> REQUEST_SETTINGS =
      Map.of(
          Operation.AGENT_RUN, List.of("name", "description"),
          Operation.TOOL, List.of("name", "description", "captureArguments", "captureResult"),
          Operation.LLM_CALL,
              List.of(
                  "model",
                  "provider",
                  TokenUsageResolver.INPUT,
                  TokenUsageResolver.OUTPUT,
                  OPERATION_NAME),
          Operation.TRACED, List.of("name"));

  private final Elements elements;
  private final ErrorReporter errors;

  SpanDescriptors(Elements elements, ErrorReporter errors) {
    this.elements = elements;
    this.errors = errors;
  }

  /**
   * The span of {@code method} of {@code target}: the method's own settings win over the type's
   * (used only when of the same operation). {@code methodSettings} may be null.
   */
  SpanDescriptor describe(
      TypeElement target,
      ExecutableElement method,
      OperationSettings methodSettings,
      OperationSettings typeSettings) {
    Operation operation =
        methodSettings != null ? methodSettings.operation() : typeSettings.operation();
    OperationSettings typeLevel =
        typeSettings != null && typeSettings.operation() == operation ? typeSettings : null;
    String methodName = method.getSimpleName().toString();
    String typeName = target.getSimpleName().toString();
    List<ConstantAttribute> attributes = new ArrayList<>();
    String spanName;
    switch (operation) {
      case AGENT_RUN -> {
        String agent = firstNonEmpty(inherited(methodSettings, typeLevel, "name"), typeName);
        spanName = operation.genAiOperationName() + " " + agent;
        add(attributes, "GEN_AI_OPERATION_NAME", operation.genAiOperationName());
        add(attributes, "GEN_AI_AGENT_NAME", agent);
        add(
            attributes,
            "GEN_AI_AGENT_DESCRIPTION",
            inherited(methodSettings, typeLevel, "description"));
      }
      case TOOL -> {
        String tool = firstNonEmpty(inherited(methodSettings, typeLevel, "name"), methodName);
        spanName = operation.genAiOperationName() + " " + tool;
        add(attributes, "GEN_AI_OPERATION_NAME", operation.genAiOperationName());
        add(attributes, "GEN_AI_TOOL_NAME", tool);
        add(
            attributes,
            "GEN_AI_TOOL_DESCRIPTION",
            inherited(methodSettings, typeLevel, "description"));
      }
      case LLM_CALL -> {
        String model = inherited(methodSettings, typeLevel, "model");
        if (model.isEmpty() && isAnnotatedInSource(methodSettings, typeLevel, target)) {
          OperationSettings where = methodSettings != null ? methodSettings : typeLevel;
          errors.error(method, where.mirror(), Messages.LLM_CALL_WITHOUT_MODEL, methodName + "()");
        }
        String operationName =
            firstNonEmpty(
                inherited(methodSettings, typeLevel, OPERATION_NAME),
                operation.genAiOperationName());
        spanName = operationName + " " + model;
        add(attributes, "GEN_AI_OPERATION_NAME", operationName);
        add(attributes, "GEN_AI_REQUEST_MODEL", model);
        add(attributes, "GEN_AI_PROVIDER_NAME", inherited(methodSettings, typeLevel, "provider"));
      }
      case TRACED -> {
        String prefix = firstNonEmpty(typeLevel == null ? "" : typeLevel.string("name"), typeName);
        spanName =
            firstNonEmpty(
                methodSettings == null ? "" : methodSettings.string("name"),
                prefix + "." + methodName);
      }
      default -> throw new AssertionError(operation);
    }
    add(attributes, "CODE_FUNCTION_NAME", elements.getBinaryName(target) + "." + methodName);
    return new SpanDescriptor(operation, spanName, List.copyOf(attributes));
  }

  /**
   * A type-level tool name fits only one traced method; {@code unnamed} counts those that would
   * take it.
   */
  void checkTypeLevelToolName(OperationSettings type, Name typeName, int unnamed) {
    AnnotationValue name = type.value("name");
    if (name == null || String.valueOf(name.getValue()).isEmpty() || unnamed <= 1) {
      return;
    }
    errors.error(
        type.element(),
        type.mirror(),
        name,
        Messages.TOOL_NAME_ON_TYPE,
        name.getValue(),
        typeName,
        unnamed);
  }

  /** Reports settings of a {@code @TraceInterface} that its kind ignores, and a missing model. */
  void checkRequestSettings(OperationSettings request, TypeElement target) {
    List<String> accepted = REQUEST_SETTINGS.get(request.operation());
    Set<String> settings = new LinkedHashSet<>();
    for (Operation operation : Operation.values()) {
      settings.addAll(REQUEST_SETTINGS.get(operation));
    }
    for (String setting : settings) {
      AnnotationValue value = request.value(setting);
      if (value != null && !accepted.contains(setting)) {
        errors.error(
            request.element(),
            request.mirror(),
            value,
            Messages.SETTING_NOT_FOR_KIND,
            setting,
            request.operation(),
            owners(setting));
      }
    }
    if (request.operation() == Operation.LLM_CALL && request.string("model").isEmpty()) {
      errors.error(
          request.element(),
          request.mirror(),
          Messages.TRACE_INTERFACE_WITHOUT_MODEL,
          target.getSimpleName());
    }
  }

  /** Reports an {@code operationName} that is not a GenAI model operation. */
  void checkOperationName(OperationSettings settings) {
    AnnotationValue value = settings.value(OPERATION_NAME);
    if (value != null && !MODEL_OPERATIONS.contains(String.valueOf(value.getValue()))) {
      errors.error(
          settings.element(),
          settings.mirror(),
          value,
          Messages.UNKNOWN_MODEL_OPERATION,
          value.getValue(),
          String.join(", ", MODEL_OPERATIONS));
    }
  }

  private static String owners(String setting) {
    List<String> kinds = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      if (REQUEST_SETTINGS.get(operation).contains(setting)) {
        kinds.add(operation.name());
      }
    }
    return String.join(", ", kinds);
  }

  /** A model missing from a {@code @TraceInterface} is reported once, on the request. */
  private static boolean isAnnotatedInSource(
      OperationSettings method, OperationSettings type, TypeElement target) {
    return method != null || (type != null && type.element().equals(target));
  }

  private static void add(List<ConstantAttribute> attributes, String constant, String value) {
    if (!value.isEmpty()) {
      attributes.add(new ConstantAttribute(constant, KEYS.get(constant), value));
    }
  }

  private static String firstNonEmpty(String... candidates) {
    for (String candidate : candidates) {
      if (!candidate.isEmpty()) {
        return candidate;
      }
    }
    return "";
  }
}
