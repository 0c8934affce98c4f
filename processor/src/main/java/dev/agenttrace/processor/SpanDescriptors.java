package dev.agenttrace.processor;

import static dev.agenttrace.processor.OperationSettings.inherited;

import dev.agenttrace.processor.SpanDescriptor.ConstantAttribute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Names a traced method's span, chooses its kind and constant GenAI attributes from the operation
 * settings of the method and of its type, following the GenAI semantic conventions (1.42.0-dev):
 * model calls, retrievals, created and remote agents are CLIENT spans with their provider;
 * in-process agents and tools are INTERNAL, and in-process agents have no provider, agent id,
 * version or server. Reports settings that contradict the conventions and a missing required
 * provider.
 */
final class SpanDescriptors {
  /** Settings each kind accepts in a {@code @TraceInterface}, beyond value, kind and methods. */
  static final Map<Operation, List<String>> REQUEST_SETTINGS =
      Map.of(
          Operation.AGENT_RUN,
          List.of(
              "name",
              "description",
              "model",
              "remote",
              "provider",
              "agentId",
              "version",
              "serverAddress",
              "serverPort",
              "request",
              "response",
              "captureMessages"),
          Operation.TOOL,
          List.of("name", "description", "captureArguments", "captureResult", "type", "callId"),
          Operation.LLM_CALL,
          List.of(
              "operation",
              "model",
              "provider",
              TokenUsageResolver.INPUT,
              TokenUsageResolver.OUTPUT,
              "request",
              "response",
              "serverAddress",
              "serverPort",
              "captureMessages"),
          Operation.RETRIEVAL,
          List.of("dataSource", "provider", "model", "serverAddress", "serverPort"),
          Operation.CREATE_AGENT,
          List.of(
              "name",
              "description",
              "version",
              "provider",
              "model",
              "serverAddress",
              "serverPort",
              "response"),
          Operation.TRACED,
          List.of("name"));

  /** What an in-process agent must not have: the conventions leave them to remote agents. */
  private static final List<String> REMOTE_ONLY =
      List.of("provider", "agentId", "version", "serverAddress", "serverPort");

  private final Elements elements;
  private final ErrorReporter errors;
  private final ProviderDefaults providers;

  SpanDescriptors(Elements elements, ErrorReporter errors) {
    this.elements = elements;
    this.errors = errors;
    this.providers = new ProviderDefaults(elements);
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
    Described described = new Described(target, method, methodSettings, typeLevel);
    switch (operation) {
      case AGENT_RUN -> described.agentRun();
      case TOOL -> described.tool();
      case LLM_CALL -> described.modelCall();
      case RETRIEVAL -> described.retrieval();
      case CREATE_AGENT -> described.createAgent();
      case TRACED -> described.traced();
    }
    return described.descriptor(operation);
  }

  /** The span of one method while it is being described. */
  private final class Described {
    private final TypeElement target;
    private final ExecutableElement method;
    private final OperationSettings methodSettings;
    private final OperationSettings typeSettings;
    private final String methodName;
    private final List<ConstantAttribute> attributes = new ArrayList<>();
    private String genAiOperation;
    private boolean remote;
    private String spanName;
    private String factory;
    private List<String> factoryArguments;

    Described(
        TypeElement target,
        ExecutableElement method,
        OperationSettings methodSettings,
        OperationSettings typeSettings) {
      this.target = target;
      this.method = method;
      this.methodSettings = methodSettings;
      this.typeSettings = typeSettings;
      this.methodName = method.getSimpleName().toString();
    }

    private String setting(String name) {
      return inherited(methodSettings, typeSettings, name);
    }

    void agentRun() {
      remote = OperationSettings.inheritedFlag(methodSettings, typeSettings, "remote");
      start(
          "invoke_agent",
          "GEN_AI_AGENT_NAME",
          firstNonEmpty(setting("name"), target.getSimpleName().toString()));
      if (remote) {
        add("GEN_AI_PROVIDER_NAME", requiredProvider());
        factory = "remoteAgentRun";
        factoryArguments = List.of("GEN_AI_AGENT_NAME", "GEN_AI_PROVIDER_NAME");
        add("GEN_AI_AGENT_DESCRIPTION", setting("description"));
        add("GEN_AI_REQUEST_MODEL", setting("model"));
        add("GEN_AI_AGENT_ID", setting("agentId"));
        add("GEN_AI_AGENT_VERSION", setting("version"));
        addServer();
      } else {
        checkNoRemoteOnlySettings();
        add("GEN_AI_AGENT_DESCRIPTION", setting("description"));
        factory = "agentRun";
        factoryArguments = List.of("GEN_AI_AGENT_NAME", "GEN_AI_AGENT_DESCRIPTION");
        add("GEN_AI_REQUEST_MODEL", setting("model"));
      }
    }

    void tool() {
      start("execute_tool", "GEN_AI_TOOL_NAME", firstNonEmpty(setting("name"), methodName));
      add("GEN_AI_TOOL_DESCRIPTION", setting("description"));
      factory = "tool";
      factoryArguments = List.of("GEN_AI_TOOL_NAME", "GEN_AI_TOOL_DESCRIPTION");
      add(
          "GEN_AI_TOOL_TYPE",
          OperationSettings.inheritedOrDefault(methodSettings, typeSettings, "type", "function"));
    }

    void modelCall() {
      String model = setting("model");
      if (model.isEmpty() && !hasModelPath() && isAnnotatedInSource()) {
        OperationSettings where = methodSettings != null ? methodSettings : typeSettings;
        errors.error(method, where.mirror(), Messages.LLM_CALL_WITHOUT_MODEL, methodName + "()");
      }
      start(
          OperationSettings.inheritedEnum(methodSettings, typeSettings, "operation", "CHAT")
              .toLowerCase(Locale.ROOT),
          "GEN_AI_REQUEST_MODEL",
          model);
      add("GEN_AI_PROVIDER_NAME", requiredProvider());
      if (genAiOperation.equals("chat")) {
        factory = "llmCall";
        factoryArguments = List.of("GEN_AI_REQUEST_MODEL", "GEN_AI_PROVIDER_NAME");
      } else {
        factory = "modelCall";
        factoryArguments =
            List.of(SpanDescriptor.OPERATION, "GEN_AI_REQUEST_MODEL", "GEN_AI_PROVIDER_NAME");
      }
      addServer();
    }

    void retrieval() {
      start("retrieval", "GEN_AI_DATA_SOURCE_ID", setting("dataSource"));
      factory = "retrieval";
      factoryArguments = List.of("GEN_AI_DATA_SOURCE_ID");
      add("GEN_AI_PROVIDER_NAME", firstNonEmpty(setting("provider"), defaultProvider()));
      add("GEN_AI_REQUEST_MODEL", setting("model"));
      addServer();
    }

    void createAgent() {
      start("create_agent", "GEN_AI_AGENT_NAME", setting("name"));
      add("GEN_AI_PROVIDER_NAME", requiredProvider());
      factory = "createAgent";
      factoryArguments = List.of("GEN_AI_AGENT_NAME", "GEN_AI_PROVIDER_NAME");
      add("GEN_AI_AGENT_DESCRIPTION", setting("description"));
      add("GEN_AI_AGENT_VERSION", setting("version"));
      add("GEN_AI_REQUEST_MODEL", setting("model"));
      addServer();
    }

    /**
     * A GenAI span named {@code "{operation} {subject}"} ({@code "{operation}"} without a subject),
     * with the operation and the subject under {@code subjectConstant}.
     */
    private void start(String operation, String subjectConstant, String subject) {
      genAiOperation = operation;
      spanName = subject.isEmpty() ? operation : operation + " " + subject;
      add("GEN_AI_OPERATION_NAME", operation);
      add(subjectConstant, subject);
    }

    void traced() {
      String prefix =
          firstNonEmpty(
              typeSettings == null ? "" : typeSettings.string("name"),
              target.getSimpleName().toString());
      spanName =
          firstNonEmpty(
              methodSettings == null ? "" : methodSettings.string("name"),
              prefix + "." + methodName);
      factory = "traced";
      factoryArguments = List.of();
    }

    SpanDescriptor descriptor(Operation operation) {
      add("CODE_FUNCTION_NAME", elements.getBinaryName(target) + "." + methodName);
      List<String> arguments = new ArrayList<>(factoryArguments);
      arguments.add("CODE_FUNCTION_NAME");
      return new SpanDescriptor(
          operation,
          genAiOperation,
          remote,
          spanName,
          factory,
          List.copyOf(arguments),
          List.copyOf(attributes));
    }

    /** The provider, which the conventions require here; reports its absence. */
    private String requiredProvider() {
      String provider = firstNonEmpty(setting("provider"), defaultProvider());
      if (provider.isEmpty() && isAnnotatedInSource()) {
        OperationSettings where = methodSettings != null ? methodSettings : typeSettings;
        errors.error(
            method,
            where.mirror(),
            Messages.MISSING_PROVIDER,
            where.operation().annotationSimpleName(),
            methodName + "()",
            spanTypeName(),
            where.operation().annotationSimpleName());
      }
      return provider;
    }

    private String defaultProvider() {
      return providers.forType(
          typeSettings != null ? (TypeElement) typeSettings.element() : target);
    }

    private String spanTypeName() {
      return remote ? genAiOperation + " (remote)" : genAiOperation;
    }

    private void addServer() {
      String address = setting("serverAddress");
      int port = OperationSettings.inheritedInt(methodSettings, typeSettings, "serverPort");
      add("SERVER_ADDRESS", address);
      checkPort(port, address);
      if (port > 0 && port <= 65535 && !address.isEmpty()) {
        attributes.add(
            new ConstantAttribute(
                "SERVER_PORT", SemanticKeys.key("SERVER_PORT"), Integer.toString(port), true));
      }
    }

    private void checkPort(int port, String address) {
      OperationSettings where =
          OperationSettings.defining(methodSettings, typeSettings, "serverPort");
      if (where == null || port == 0) {
        return;
      }
      if (port < 0 || port > 65535) {
        errors.error(
            where.element(), where.mirror(), where.value("serverPort"), Messages.BAD_PORT, port);
      } else if (address.isEmpty()) {
        errors.error(
            where.element(),
            where.mirror(),
            where.value("serverPort"),
            Messages.PORT_WITHOUT_ADDRESS,
            port);
      }
    }

    private void checkNoRemoteOnlySettings() {
      for (String name : REMOTE_ONLY) {
        OperationSettings where = OperationSettings.defining(methodSettings, typeSettings, name);
        if (where != null && isInSource(where)) {
          errors.error(
              where.element(),
              where.mirror(),
              where.value(name),
              Messages.REMOTE_ONLY_SETTING,
              name,
              where.value(name).getValue(),
              name.equals("provider") ? "gen_ai.provider.name" : name);
        }
      }
    }

    private boolean hasModelPath() {
      for (OperationSettings settings : new OperationSettings[] {methodSettings, typeSettings}) {
        if (settings != null && settings.nested("request") != null) {
          if (!Annotations.string(settings.nested("request"), "model").isEmpty()) {
            return true;
          }
        }
      }
      return false;
    }

    /** A missing value of a {@code @TraceInterface} is reported once, on the request. */
    private boolean isAnnotatedInSource() {
      return methodSettings != null
          || (typeSettings != null && typeSettings.element().equals(target));
    }

    private boolean isInSource(OperationSettings settings) {
      return settings == methodSettings || settings.element().equals(target);
    }

    private void add(String constant, String value) {
      if (!value.isEmpty()) {
        attributes.add(new ConstantAttribute(constant, SemanticKeys.key(constant), value, false));
      }
    }
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

  /**
   * Reports settings of a {@code @TraceInterface} that its kind ignores, a missing model or
   * provider, and remote-agent settings on an in-process agent.
   */
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
            target.getSimpleName(),
            owners(setting));
      }
    }
    boolean remote = OperationSettings.inheritedFlag(null, request, "remote");
    if (request.operation() == Operation.LLM_CALL
        && request.string("model").isEmpty()
        && (request.nested("request") == null
            || Annotations.string(request.nested("request"), "model").isEmpty())) {
      errors.error(
          request.element(),
          request.mirror(),
          Messages.TRACE_INTERFACE_WITHOUT_MODEL,
          target.getSimpleName());
    }
    boolean needsProvider =
        request.operation() == Operation.LLM_CALL
            || request.operation() == Operation.CREATE_AGENT
            || (request.operation() == Operation.AGENT_RUN && remote);
    if (needsProvider
        && request.string("provider").isEmpty()
        && providers.forType((TypeElement) request.element()).isEmpty()) {
      errors.error(
          request.element(),
          request.mirror(),
          Messages.TRACE_INTERFACE_WITHOUT_PROVIDER,
          target.getSimpleName(),
          request.operation());
    }
    if (request.operation() == Operation.AGENT_RUN && !remote) {
      for (String name : REMOTE_ONLY) {
        AnnotationValue value = request.value(name);
        if (value != null) {
          errors.error(
              request.element(),
              request.mirror(),
              value,
              Messages.REMOTE_ONLY_SETTING,
              name,
              value.getValue(),
              name.equals("provider") ? "gen_ai.provider.name" : name);
        }
      }
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

  private static String firstNonEmpty(String... candidates) {
    for (String candidate : candidates) {
      if (!candidate.isEmpty()) {
        return candidate;
      }
    }
    return "";
  }
}
