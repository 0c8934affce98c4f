package dev.agenttrace.processing;

import java.util.regex.Pattern;

/**
 * Value patterns for {@link RedactingSpanProcessor.Builder#maskValues} that cover common secrets.
 *
 * <p>Every pattern here runs in time linear in the text it searches, with {@link
 * java.util.regex.Matcher#find()} and {@link java.util.regex.Matcher#matches()} alike, so a remote
 * client cannot make redaction expensive by sending a long value shaped to make a regular
 * expression backtrack (a search over text without {@code @}, runs of separators, long runs of
 * digits or white space). Two rules make that so, and any pattern added here must keep them:
 *
 * <ul>
 *   <li>A search tries a start position only where a match could begin: right after a character
 *       that cannot be part of one (a negative lookbehind), at a literal prefix, or at the end of
 *       the previous match ({@code \G}). Without this, a leading {@code [..]+} re-scans the same
 *       run from each of its characters, which is quadratic.
 *   <li>Runs are matched possessively ({@code ++}, {@code {n,}+}) where giving characters back can
 *       never lead to a match, so no run is scanned twice from the same start.
 * </ul>
 *
 * What each pattern matches is exactly what its earlier, backtracking form matched; the tests
 * compare both forms on random text.
 */
public final class RedactionPatterns {
  /**
   * An e-mail address: a local part of {@code A-Z a-z 0-9 . _ % + -}, {@code @}, a domain of
   * letters, digits, dots and dashes ending in a dot and at least two letters.
   */
  public static final Pattern EMAIL =
      Pattern.compile(
          "(?:(?<![A-Za-z0-9._%+-])|\\G)[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  /**
   * An API key or token in a well-known shape: {@code sk-...}/{@code pk-...}/{@code rk-...}
   * (OpenAI, Anthropic, Stripe style), AWS access key ids, GitHub tokens, Google API keys, Slack
   * tokens.
   */
  public static final Pattern API_KEY =
      Pattern.compile(
          "\\b(?:(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}+"
              + "|AKIA[0-9A-Z]{16}"
              + "|gh[pousr]_[A-Za-z0-9]{30,}+"
              + "|AIza[0-9A-Za-z_-]{35}"
              + "|xox[abpr]-[A-Za-z0-9-]{10,}+)");

  /** A bearer token in an authorization header value. */
  public static final Pattern BEARER_TOKEN =
      Pattern.compile("(?i)\\bbearer\\s++[A-Za-z0-9._~+/=-]{8,}+");

  /**
   * Keys that usually hold secrets: password, secret, token, api key, authorization, cookie. Meant
   * for whole key names ({@link RedactingSpanProcessor.Builder#maskKeys}); searched in a value it
   * matches each whole line that contains one of the words, starting only at line starts.
   */
  public static final Pattern SECRET_KEY_NAMES =
      Pattern.compile(
          "(?i)(?<![^\\n\\r\\u0085\\u2028\\u2029])"
              + ".*(password|passwd|secret|token|api[._-]?key|authorization|cookie).*");

  private RedactionPatterns() {}
}
