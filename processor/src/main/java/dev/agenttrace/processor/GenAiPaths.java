package dev.agenttrace.processor;

import dev.agenttrace.processor.AccessorChains.Chain;
import dev.agenttrace.processor.GenAiSetting.Where;
import dev.agenttrace.processor.ValuePath.Conversion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides at compile time what a GenAI span reads while its call runs: the request paths of {@code
 * request = @RequestPaths(...)} from the arguments, the response paths of {@code response
 * = @ResponsePaths(...)} and token counts from the result, the tool call id, and the messages to
 * capture. Reports each path that names no parameter or accessor, ends at a value of the wrong
 * type, reads a {@code @Sensitive} parameter, or names an attribute the span's conventions do not
 * define. Paths inherited from the type or a {@code TraceInterface} apply to the methods whose
 * result has them (the overloads of one operation often return different types); one that fits no
 * traced method is reported, once, with the reason it did not fit the first method tried.
 */
final class GenAiPaths {
  static final String TOOL_CALL_ID = "dev.agenttrace.annotations.ToolCallId";

  private final ErrorReporter errors;
  private final AccessorChains chains;
  private final TokenUsageResolver tokens;
  private final MessageCaptureRules messages;

  GenAiPaths(Elements elements, Types types, ErrorReporter errors) {
    this.errors = errors;
    this.chains = new AccessorChains(elements, types);
    this.tokens = new TokenUsageResolver(elements, chains);
    this.messages = new MessageCaptureRules(elements, types, chains, errors);
  }

  /**
   * Tracks, for one proxy, whether the result paths and message capture of its type-level settings
   * (or of its {@code TraceInterface}) fit at least one traced method.
   */
  static final class SharedPaths {
    private final Map<Object, Runnable> failures = new LinkedHashMap<>();
    private final Set<Object> resolved = new HashSet<>();

    /** Notes why the inherited setting {@code key} did not fit one method. */
    void failed(Object key, Runnable report) {
      failures.putIfAbsent(key, report);
    }

    /** Notes that the inherited setting {@code key} fit a method. */
    void resolved(Object key) {
      resolved.add(key);
    }

    /** Reports each path that fit no traced method's result. */
    void report() {
      failures.forEach(
          (setting, failure) -> {
            if (!resolved.contains(setting)) {
              failure.run();
            }
          });
    }
  }

  /** A fresh tracker for the type-level result paths of one proxy. */
  SharedPaths sharedPaths() {
    return new SharedPaths();
  }

  /**
   * What {@code method} (as {@code type}) reads for {@code span}; {@code valueType} is the value
   * the result paths start from (the result, the value a stage completes with, each element of a
   * stream, the final response a streaming handler receives), null for none.
   */
  GenAiReads resolve(
      ExecutableElement method,
      ExecutableType type,
      SpanDescriptor span,
      OperationSettings methodSettings,
      OperationSettings typeSettings,
      TypeMirror valueType,
      SharedPaths shared) {
    Resolution resolution =
        new Resolution(method, type, span, methodSettings, typeSettings, valueType, shared);
    for (GenAiSetting setting : GenAiSetting.values()) {
      resolution.resolve(setting);
    }
    resolution.toolCallIdParameter();
    if (span.operation() == Operation.LLM_CALL) {
      resolution.response.addAll(
          tokens.fromInterface(valueType, span.spanType(), resolution.named));
    }
    return new GenAiReads(
        valueType,
        resolution.requestModel,
        List.copyOf(resolution.request),
        List.copyOf(resolution.response),
        messages.resolve(method, type, span, methodSettings, typeSettings, valueType, shared));
  }

  /** Reports {@code @ToolCallId} on a method that is not traced. */
  void checkUntraced(ExecutableElement method) {
    for (VariableElement parameter : method.getParameters()) {
      AnnotationMirror mirror = Annotations.find(parameter, TOOL_CALL_ID);
      if (mirror != null) {
        errors.error(
            parameter,
            mirror,
            Messages.TOOL_CALL_ID_NOT_ON_TOOL,
            parameter.getSimpleName(),
            method.getSimpleName() + "()");
      }
    }
  }

  /** One method's paths while they are resolved. */
  private final class Resolution {
    private final ExecutableElement method;
    private final ExecutableType type;
    private final SpanDescriptor span;
    private final OperationSettings methodSettings;
    private final OperationSettings typeSettings;
    private final TypeMirror valueType;
    private final String methodName;
    private final SharedPaths shared;
    final List<ValuePath> request = new ArrayList<>();
    final List<ValuePath> response = new ArrayList<>();
    final Set<GenAiSetting> named = EnumSet.noneOf(GenAiSetting.class);
    ValuePath requestModel;

    Resolution(
        ExecutableElement method,
        ExecutableType type,
        SpanDescriptor span,
        OperationSettings methodSettings,
        OperationSettings typeSettings,
        TypeMirror valueType,
        SharedPaths shared) {
      this.method = method;
      this.shared = shared;
      this.type = type;
      this.span = span;
      this.methodSettings = methodSettings;
      this.typeSettings = typeSettings;
      this.valueType = valueType;
      this.methodName = method.getSimpleName() + "()";
    }

    /** Where a setting was written, and its value. */
    private record Written(OperationSettings owner, AnnotationValue value, String path) {}

    private Written find(GenAiSetting setting) {
      for (OperationSettings settings : new OperationSettings[] {methodSettings, typeSettings}) {
        if (settings == null) {
          continue;
        }
        AnnotationValue value =
            switch (setting.where()) {
              case REQUEST -> nestedValue(settings, "request", setting.settingName());
              case RESPONSE -> nestedValue(settings, "response", setting.settingName());
              default -> settings.value(setting.settingName());
            };
        if (value != null && !String.valueOf(value.getValue()).isEmpty()) {
          return new Written(settings, value, String.valueOf(value.getValue()));
        }
      }
      return null;
    }

    private AnnotationValue nestedValue(OperationSettings settings, String member, String name) {
      AnnotationMirror nested = settings.nested(member);
      return nested == null ? null : Annotations.explicitValue(nested, name);
    }

    void resolve(GenAiSetting setting) {
      Written written = find(setting);
      if (written == null) {
        return;
      }
      named.add(setting);
      if (!setting.spans().contains(span.spanType())) {
        error(
            written,
            Messages.NOT_IN_CONVENTIONS,
            setting.displayName(),
            describeSpan(),
            setting.key(),
            operationsOf(setting));
        return;
      }
      ValuePath path =
          switch (setting.where()) {
            case REQUEST, TOP_LEVEL_ARGUMENT -> fromArguments(setting, written);
            case RESPONSE, TOP_LEVEL_RESULT -> fromResult(setting, written);
          };
      if (path == null) {
        return;
      }
      if (setting == GenAiSetting.REQUEST_MODEL) {
        requestModel = path;
      } else if (setting.where() == Where.REQUEST || setting.where() == Where.TOP_LEVEL_ARGUMENT) {
        request.add(path);
      } else {
        response.add(path);
      }
    }

    private ValuePath fromResult(GenAiSetting setting, Written written) {
      if (valueType == null) {
        // Set on the type, it applies to the methods that return something.
        if (written.owner() == methodSettings) {
          error(
              written,
              Messages.RESULT_PATH_WITHOUT_RESULT,
              methodName,
              method.getReturnType(),
              setting.displayName());
        }
        return null;
      }
      Chain chain = chains.follow(valueType, Arrays.asList(written.path().split("\\.", -1)));
      boolean own = written.owner() == methodSettings;
      if (chain.broken()) {
        Runnable failure =
            () ->
                error(
                    written,
                    Messages.RESULT_ACCESSOR_MISSING,
                    setting.displayName(),
                    written.path(),
                    methodName,
                    chain.end(),
                    chain.missing());
        if (own) {
          failure.run();
        } else {
          shared.failed(setting, failure);
        }
        return null;
      }
      if (!own
          && chains.conversion(chain.end(), setting.kind(), setting == GenAiSetting.TOOL_CALL_ID)
              == null) {
        // Inherited: applies where the value fits; reported if it fits nowhere.
        shared.failed(setting, () -> converted(setting, written, chain, ValuePath.RESULT, false));
        return null;
      }
      if (!own) {
        shared.resolved(setting);
      }
      return converted(setting, written, chain, ValuePath.RESULT, false);
    }

    private ValuePath fromArguments(GenAiSetting setting, Written written) {
      List<String> names = Arrays.asList(written.path().split("\\.", -1));
      List<? extends VariableElement> parameters = method.getParameters();
      int index = -1;
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i).getSimpleName().contentEquals(names.get(0))) {
          index = i;
        }
      }
      if (index < 0) {
        List<String> known = parameters.stream().map(p -> p.getSimpleName().toString()).toList();
        error(
            written,
            Messages.UNKNOWN_PARAMETER,
            setting.displayName(),
            written.path(),
            methodName,
            names.get(0),
            known.isEmpty() ? "none" : String.join(", ", known));
        return null;
      }
      if (Annotations.find(parameters.get(index), Annotations.SENSITIVE) != null) {
        error(
            written, Messages.SENSITIVE_PATH, setting.displayName(), written.path(), names.get(0));
        return null;
      }
      TypeMirror root = type.getParameterTypes().get(index);
      Chain chain = chains.follow(root, names.subList(1, names.size()));
      if (chain.broken()) {
        error(
            written,
            Messages.ARGUMENT_ACCESSOR_MISSING,
            setting.displayName(),
            written.path(),
            methodName,
            chain.end(),
            chain.missing());
        return null;
      }
      return converted(setting, written, chain, index, root.getKind().isPrimitive());
    }

    private ValuePath converted(
        GenAiSetting setting, Written written, Chain chain, int root, boolean rootPrimitive) {
      Conversion conversion =
          chains.conversion(chain.end(), setting.kind(), setting == GenAiSetting.TOOL_CALL_ID);
      if (conversion == null) {
        String end =
            chain.accessors().isEmpty()
                ? (root == ValuePath.RESULT ? "the result" : "parameter " + written.path())
                : chain.accessors().get(chain.accessors().size() - 1).name() + "()";
        error(
            written,
            Messages.VALUE_OF_WRONG_TYPE,
            setting.displayName(),
            written.path(),
            end,
            chain.end(),
            setting.key(),
            expectation(setting));
        return null;
      }
      return new ValuePath(setting, root, rootPrimitive, chain.accessors(), conversion);
    }

    /** {@code @ToolCallId} parameters: one, on a tool, not sensitive, of a fitting type. */
    void toolCallIdParameter() {
      List<? extends VariableElement> parameters = method.getParameters();
      VariableElement first = null;
      for (int i = 0; i < parameters.size(); i++) {
        VariableElement parameter = parameters.get(i);
        AnnotationMirror mirror = Annotations.find(parameter, TOOL_CALL_ID);
        if (mirror == null) {
          continue;
        }
        String name = parameter.getSimpleName().toString();
        if (span.operation() != Operation.TOOL) {
          errors.error(parameter, mirror, Messages.TOOL_CALL_ID_NOT_ON_TOOL, name, methodName);
        } else if (first != null) {
          errors.error(
              parameter,
              mirror,
              Messages.TOOL_CALL_ID_TWICE,
              name,
              methodName,
              first.getSimpleName());
        } else if (Annotations.find(parameter, Annotations.SENSITIVE) != null) {
          errors.error(parameter, mirror, Messages.TOOL_CALL_ID_SENSITIVE, name);
        } else if (named.contains(GenAiSetting.TOOL_CALL_ID)) {
          errors.error(
              parameter,
              mirror,
              Messages.TOOL_CALL_ID_AND_PATH,
              name,
              find(GenAiSetting.TOOL_CALL_ID).path(),
              methodName);
        } else {
          TypeMirror parameterType = type.getParameterTypes().get(i);
          Conversion conversion = chains.conversion(parameterType, GenAiSetting.Kind.STRING, true);
          if (conversion == null || conversion == Conversion.ENUM) {
            errors.error(parameter, mirror, Messages.TOOL_CALL_ID_TYPE, name, parameterType);
          } else {
            request.add(
                new ValuePath(
                    GenAiSetting.TOOL_CALL_ID,
                    i,
                    parameterType.getKind().isPrimitive(),
                    List.of(),
                    conversion));
          }
        }
        first = first == null ? parameter : first;
      }
    }

    private void error(Written written, String format, Object... args) {
      errors.error(
          written.owner().element(), written.owner().mirror(), written.value(), format, args);
    }

    private String describeSpan() {
      return span.genAiOperation()
          + (span.genAiOperation().equals("invoke_agent") && !span.remote() ? " (in-process)" : "")
          + " spans";
    }
  }

  /** The operations whose spans define {@code setting}, for messages. */
  private static String operationsOf(GenAiSetting setting) {
    Set<String> operations = new TreeSet<>();
    for (String spanType : setting.spans()) {
      operations.add(
          switch (spanType) {
            case GenAiSetting.Spans.INFERENCE -> "chat, text_completion, generate_content";
            case GenAiSetting.Spans.EMBEDDINGS -> "embeddings";
            case GenAiSetting.Spans.RETRIEVAL -> "retrieval";
            case GenAiSetting.Spans.CREATE_AGENT -> "create_agent";
            case GenAiSetting.Spans.REMOTE_AGENT -> "invoke_agent (remote)";
            case GenAiSetting.Spans.LOCAL_AGENT -> "invoke_agent";
            default -> "execute_tool";
          });
    }
    return String.join(", ", operations);
  }

  private static String expectation(GenAiSetting setting) {
    return switch (setting.kind()) {
      case LONG -> "an integral number (int, long, Integer, Long, ...)";
      case DOUBLE -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING ->
          setting == GenAiSetting.TOOL_CALL_ID
              ? "a CharSequence or an integral number"
              : "a CharSequence or an enum";
      case STRINGS -> "strings (an Iterable or array of strings or enums, or a single one)";
    };
  }
}
