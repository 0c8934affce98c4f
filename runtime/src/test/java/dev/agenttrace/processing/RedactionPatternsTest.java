package dev.agenttrace.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.testing.Fuzz;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionPatternsTest {
  /** The patterns as first written: the reference for what each one matches (but quadratic). */
  private static final Pattern BACKTRACKING_EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

  private static final Pattern BACKTRACKING_API_KEY =
      Pattern.compile(
          "\\b(?:(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}"
              + "|AIza[0-9A-Za-z_-]{35}|xox[abpr]-[A-Za-z0-9-]{10,})");

  private static final Pattern BACKTRACKING_BEARER_TOKEN =
      Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}");

  private static final Pattern BACKTRACKING_SECRET_KEY_NAMES =
      Pattern.compile("(?i).*(password|passwd|secret|token|api[._-]?key|authorization|cookie).*");

  private static final List<String> FRAGMENTS =
      List.of(
          "a@b.co",
          ".x@y.org",
          "jane.doe@example.com",
          "sk-abcdefghijklmnop",
          "AKIAABCDEFGHIJKLMNOP",
          "ghp_" + "a".repeat(30),
          "AIza" + "b".repeat(35),
          "xoxb-1234567890",
          "Bearer abcdefgh12",
          "password",
          "api-key",
          "\n",
          "\r\n");

  private static String mask(Pattern pattern, String text) {
    return pattern.matcher(text).replaceAll("#");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jane.doe@example.com",
        "a+tag@sub.domain.co.uk",
        "first_last%x@host-1.io",
        "0@0.ab",
        "UPPER@EXAMPLE.ORG"
      })
  void emailAddressIsMaskedWhole(String address) {
    assertThat(mask(RedactionPatterns.EMAIL, "mail " + address + ", please"))
        .isEqualTo("mail #, please");
  }

  @Test
  void emailAddressesRightAfterEachOtherAreBothMasked() {
    assertThat(mask(RedactionPatterns.EMAIL, "a@b.com.x@y.org")).isEqualTo("##");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@localhost", "@example.com", "a@b.c", "no at sign here", "a@.b"})
  void textThatIsNotAnEmailAddressIsKept(String text) {
    assertThat(mask(RedactionPatterns.EMAIL, text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk-abcdefghijklmnop1234",
        "pk-live_ABCDEFGHIJKLMNOP",
        "rk-0123456789abcdef",
        "AKIAABCDEFGHIJKLMNOP",
        "ghp_abcdefghijklmnopqrstuvwxyz0123",
        "gho_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123",
        "AIzaSyA-abcdefghijklmnopqrstuvwxyz01234",
        "xoxb-1234567890-abc"
      })
  void apiKeyInAWellKnownShapeIsMasked(String key) {
    assertThat(mask(RedactionPatterns.API_KEY, "key=" + key + " end")).isEqualTo("key=# end");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk-short",
        "task-abcdefghijklmnopqrstu",
        "AKIAabcdefghijklmnop",
        "ghp_tooShort",
        "xoxz-1234567890"
      })
  void textThatOnlyResemblesAnApiKeyIsKept(String text) {
    assertThat(mask(RedactionPatterns.API_KEY, text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer abc.def-123", "bearer \t eyJhbGciOi.x_y~z+/=", "BEARER 12345678"})
  void bearerTokenIsMaskedInAnyCase(String value) {
    assertThat(mask(RedactionPatterns.BEARER_TOKEN, "Authorization: " + value))
        .isEqualTo("Authorization: #");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer short", "bearer", "unbearer abcdefghij", "Bearer\n"})
  void textThatIsNotABearerTokenIsKept(String text) {
    assertThat(mask(RedactionPatterns.BEARER_TOKEN, text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "db.password",
        "PASSWD",
        "client_secret",
        "session.token",
        "X-API-Key",
        "apikey",
        "api.key",
        "http.request.header.authorization",
        "Cookie"
      })
  void keyNameThatUsuallyHoldsASecretMatchesWhole(String key) {
    assertThat(RedactionPatterns.SECRET_KEY_NAMES.matcher(key).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"order.id", "user.name", "api", "pass word", "my\npassword"})
  void ordinaryKeyNameDoesNotMatch(String key) {
    assertThat(RedactionPatterns.SECRET_KEY_NAMES.matcher(key).matches()).isFalse();
  }

  @Test
  void secretKeyNamesSearchedInAValueMaskEachLineThatHasOne() {
    assertThat(mask(RedactionPatterns.SECRET_KEY_NAMES, "a\nmy password is x\nb"))
        .isEqualTo("a\n#\nb");
  }

  @Test
  void everyPatternMasksExactlyWhatItsBacktrackingFormMasked() {
    List<Pattern[]> pairs =
        List.of(
            new Pattern[] {RedactionPatterns.EMAIL, BACKTRACKING_EMAIL},
            new Pattern[] {RedactionPatterns.API_KEY, BACKTRACKING_API_KEY},
            new Pattern[] {RedactionPatterns.BEARER_TOKEN, BACKTRACKING_BEARER_TOKEN},
            new Pattern[] {RedactionPatterns.SECRET_KEY_NAMES, BACKTRACKING_SECRET_KEY_NAMES});
    String alphabet = "aZ09._%+-@ \t\n/=~_skpAKIghpxoBearpasswordtokn";
    Fuzz.forAll(
        5_000,
        random -> Fuzz.mix(random, alphabet, FRAGMENTS, 6, 48),
        text -> {
          for (Pattern[] pair : pairs) {
            assertThat(mask(pair[0], text)).as(pair[0].pattern()).isEqualTo(mask(pair[1], text));
            assertThat(pair[0].matcher(text).matches())
                .as(pair[0].pattern())
                .isEqualTo(pair[1].matcher(text).matches());
          }
        });
  }
}
