package dev.agenttrace.processor;

import dev.agenttrace.processor.ValuePath.Accessor;
import dev.agenttrace.processor.ValuePath.Conversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Token counts of a model call whose result implements the runtime's {@code TokenUsage}: the
 * interface's methods are the accessors, so nothing needs naming. Counts named by a path ({@code
 * inputTokens = "..."}, {@code response = @ResponsePaths(cacheReadInputTokens = "...")}) win, and
 * only counts the span's conventions define are read (embeddings have no output tokens).
 */
final class TokenUsageResolver {
  static final String INPUT = "inputTokens";
  static final String OUTPUT = "outputTokens";

  /** The count each {@code TokenUsage} method gives. */
  private static final Map<GenAiSetting, String> METHODS =
      Map.of(
          GenAiSetting.INPUT_TOKENS, "inputTokens",
          GenAiSetting.OUTPUT_TOKENS, "outputTokens",
          GenAiSetting.CACHE_READ_INPUT_TOKENS, "cacheReadInputTokens",
          GenAiSetting.CACHE_CREATION_INPUT_TOKENS, "cacheCreationInputTokens",
          GenAiSetting.REASONING_OUTPUT_TOKENS, "reasoningOutputTokens");

  private final Elements elements;
  private final AccessorChains chains;

  TokenUsageResolver(Elements elements, AccessorChains chains) {
    this.elements = elements;
    this.chains = chains;
  }

  /**
   * The counts read through {@code TokenUsage} from a result of {@code valueType}, for a span of
   * {@code spanType}, leaving out {@code named} ones; empty when the result does not implement it.
   */
  List<ValuePath> fromInterface(TypeMirror valueType, String spanType, Set<GenAiSetting> named) {
    TypeElement tokenUsage = elements.getTypeElement(RuntimeNames.TOKEN_USAGE.canonicalName());
    if (valueType == null
        || tokenUsage == null
        || !chains.isSubtype(valueType, tokenUsage.getQualifiedName().toString())) {
      return List.of();
    }
    List<ValuePath> paths = new ArrayList<>();
    for (GenAiSetting setting : GenAiSetting.values()) {
      String method = METHODS.get(setting);
      if (method != null
          && !named.contains(setting)
          && setting.spans().contains(spanType)
          && declares(tokenUsage, method)) {
        paths.add(
            new ValuePath(
                setting,
                ValuePath.RESULT,
                false,
                List.of(new Accessor(method, true)),
                Conversion.PRIMITIVE));
      }
    }
    return paths;
  }

  /**
   * Whether the runtime on the class path has {@code method} (older ones lack the cache counts).
   */
  private static boolean declares(TypeElement tokenUsage, String method) {
    return tokenUsage.getEnclosedElements().stream()
        .anyMatch(e -> e.getSimpleName().contentEquals(method));
  }
}
