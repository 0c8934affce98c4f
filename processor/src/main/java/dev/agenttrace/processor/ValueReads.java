package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.GEN_AI_VALUES;
import static dev.agenttrace.processor.RuntimeNames.SEMANTIC_ATTRIBUTES;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import dev.agenttrace.processor.GenAiSetting.Kind;
import dev.agenttrace.processor.GenAiSetting.Rule;
import dev.agenttrace.processor.ValuePath.Accessor;
import dev.agenttrace.processor.ValuePath.Conversion;
import java.util.function.Function;

/**
 * Writes the code that reads one {@link ValuePath} in a traced method's body: the accessors in
 * order, each result checked for null, the value converted and checked against its rule, all in a
 * {@code try} so that an accessor that throws skips this one value (counted by {@code
 * GenAiValues.skipped()}) and never the call or the other values. Locals come from the body's
 * {@link NameAllocator}, so they cannot clash with the user's parameters.
 */
final class ValueReads {
  private final NameAllocator names;
  private String caught;

  ValueReads(NameAllocator names) {
    this.names = names;
  }

  /** Reads {@code path} from {@code root} and records it on {@code span}, by its rule. */
  CodeBlock record(ValuePath path, String root, String span) {
    GenAiSetting setting = path.setting();
    return read(
        path,
        root,
        value ->
            InlineFormat.of(
                "$N.setAttribute($T.$L,$W$L)",
                span,
                SEMANTIC_ATTRIBUTES,
                setting.constant(),
                setting.rule() == Rule.ONLY_TRUE ? CodeBlock.of("true") : value));
  }

  /**
   * Reads {@code path} from {@code root}; {@code sink} makes the statement that takes the converted
   * value when it passes its rule.
   */
  CodeBlock read(ValuePath path, String root, Function<CodeBlock, CodeBlock> sink) {
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("try");
    int opened = 0;
    String current = root;
    if (!path.rootPrimitive() && path.parameterIndex() != ValuePath.RESULT) {
      code.beginControlFlow("if ($N != null)", root);
      opened++;
    }
    for (int i = 0; i < path.accessors().size(); i++) {
      Accessor accessor = path.accessors().get(i);
      String next = MethodWriter.local(names, accessor.name());
      code.addStatement(InlineFormat.of("var $N = $N.$N()", next, current, accessor.name()));
      current = next;
      boolean last = i == path.accessors().size() - 1;
      if (!last && !accessor.primitive()) {
        code.beginControlFlow("if ($N != null)", current);
        opened++;
      }
    }
    CodeBlock condition = condition(path, current);
    if (condition != null) {
      code.beginControlFlow("if ($L)", condition);
    }
    code.addStatement(sink.apply(converted(path, current)));
    if (condition != null) {
      code.endControlFlow();
    }
    for (int i = 0; i < opened; i++) {
      code.endControlFlow();
    }
    if (caught == null) {
      caught = MethodWriter.local(names, "unreadable");
    }
    code.nextControlFlow("catch ($T $N)", Throwable.class, caught);
    code.addStatement(InlineFormat.of("$T.skipped()", GEN_AI_VALUES));
    return code.endControlFlow().build();
  }

  /** What must hold for the value to be recorded, or null for always. */
  private static CodeBlock condition(ValuePath path, String value) {
    boolean boxed = path.conversion() == Conversion.BOXED;
    CodeBlock number =
        boxed
            ? InlineFormat.of(
                "$N.$L()",
                value,
                path.setting().kind() == Kind.DOUBLE ? "doubleValue" : "longValue")
            : InlineFormat.of("$N", value);
    CodeBlock rule =
        switch (path.setting().rule()) {
          case ANY -> null;
          case COUNT -> InlineFormat.of("$L >= 0", number);
          case NOT_ONE -> InlineFormat.of("$L != 1", number);
          case PORT -> InlineFormat.of("$L > 0 && $L <= 65535", number, number);
          case ONLY_TRUE -> InlineFormat.of("$N", value);
        };
    if (!path.endNullable()) {
      return rule;
    }
    return rule == null
        ? InlineFormat.of("$N != null", value)
        : InlineFormat.of("$N != null && $L", value, rule);
  }

  /** The attribute value of {@code value}. */
  private static CodeBlock converted(ValuePath path, String value) {
    return switch (path.conversion()) {
      case PRIMITIVE -> InlineFormat.of("$N", value);
      case BOXED ->
          switch (path.setting().kind()) {
            case LONG -> InlineFormat.of("$N.longValue()", value);
            case DOUBLE -> InlineFormat.of("$N.doubleValue()", value);
            default -> InlineFormat.of("$N", value);
          };
      case TEXT -> InlineFormat.of("$N.toString()", value);
      case ENUM -> InlineFormat.of("$T.enumValue($N)", GEN_AI_VALUES, value);
      case NUMBER_TEXT -> InlineFormat.of("$T.valueOf($N)", String.class, value);
      case STRINGS -> InlineFormat.of("$T.strings($N)", GEN_AI_VALUES, value);
    };
  }
}
