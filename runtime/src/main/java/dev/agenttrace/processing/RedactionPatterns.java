package dev.agenttrace.processing;

import java.util.regex.Pattern;

/**
 * Value patterns for {@link RedactingSpanProcessor.Builder#maskValues} that cover common secrets.
 */
public final class RedactionPatterns {
  /** An e-mail address. */
  public static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  /**
   * An API key or token in a well-known shape: {@code sk-...}/{@code pk-...}/{@code rk-...}
   * (OpenAI, Anthropic, Stripe style), AWS access key ids, GitHub tokens, Google API keys, Slack
   * tokens.
   */
  public static final Pattern API_KEY =
      Pattern.compile(
          "\\b(?:(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}"
              + "|AKIA[0-9A-Z]{16}"
              + "|gh[pousr]_[A-Za-z0-9]{30,}"
              + "|AIza[0-9A-Za-z_-]{35}"
              + "|xox[abpr]-[A-Za-z0-9-]{10,})");

  /** A bearer token in an authorization header value. */
  public static final Pattern BEARER_TOKEN =
      Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}");

  /** Keys that usually hold secrets: password, secret, token, api key, authorization, cookie. */
  public static final Pattern SECRET_KEY_NAMES =
      Pattern.compile("(?i).*(password|passwd|secret|token|api[._-]?key|authorization|cookie).*");

  private RedactionPatterns() {}
}
