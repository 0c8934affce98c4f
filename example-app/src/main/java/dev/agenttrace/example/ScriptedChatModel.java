package dev.agenttrace.example;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a real model: it answers the prompts the example's agents send with
 * fixed rules, so the example needs no network and always behaves the same. It takes a little time
 * per call, as a model would, so the trace shows where time goes.
 */
public final class ScriptedChatModel implements ChatModel {
  private static final Pattern ORDER_ID = Pattern.compile("ORD-\\d+");

  private final long latencyMillis;

  public ScriptedChatModel(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  @Override
  public Completion complete(String prompt) {
    pause();
    String reply = reply(prompt);
    return new Completion(reply, words(prompt), words(reply));
  }

  /** Tokens as this stand-in counts them: one per word. */
  private static long words(String text) {
    return text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }

  private static String reply(String prompt) {
    String text = prompt.toLowerCase(Locale.ROOT);
    if (text.startsWith("route:")) {
      String order = firstOrderId(prompt);
      if (text.contains("refund") || text.contains("charge")) {
        return "billing " + order;
      }
      return "status " + order;
    }
    if (text.startsWith("decide:")) {
      return text.contains("delivered") || text.contains("shipped") ? "refund" : "decline";
    }
    if (text.startsWith("reply:")) {
      return "Dear customer, " + prompt.substring("reply:".length()).trim();
    }
    return "I am not sure how to help with that.";
  }

  private static String firstOrderId(String prompt) {
    Matcher matcher = ORDER_ID.matcher(prompt);
    return matcher.find() ? matcher.group() : "none";
  }

  private void pause() {
    try {
      Thread.sleep(latencyMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
