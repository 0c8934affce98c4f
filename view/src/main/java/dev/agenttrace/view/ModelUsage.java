package dev.agenttrace.view;

/**
 * What one model did in a trace: its LLM calls and the tokens counted for it (see {@link
 * TraceSummary} for which spans' tokens count).
 *
 * @param model the response model, else the request model, else {@code "unknown model"}
 * @param calls how many LLM spans named this model
 * @param inputTokens input tokens counted for the model
 * @param outputTokens output tokens counted for the model
 */
public record ModelUsage(String model, int calls, long inputTokens, long outputTokens) {
  /** The name used for tokens of spans that name no model. */
  public static final String UNKNOWN_MODEL = "unknown model";

  ModelUsage plus(int moreCalls, long moreInput, long moreOutput) {
    return new ModelUsage(
        model,
        calls + moreCalls,
        TraceSummary.saturatedAdd(inputTokens, moreInput),
        TraceSummary.saturatedAdd(outputTokens, moreOutput));
  }
}
