package dev.agenttrace.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property-based checks on JUnit Jupiter: a property is run against many inputs drawn from a seeded
 * generator, and a failure names the seed, the try and the input, so it can be replayed.
 *
 * <p>Each run draws a fresh seed, so that CI explores new inputs over time; {@code
 * -Dagenttrace.fuzz.seed=N} replays a reported failure. The number of tries is fixed by each
 * property (bounded, so the whole suite stays fast); {@code -Dagenttrace.fuzz.tries=N} overrides it
 * for a longer local run.
 *
 * <pre>{@code
 * Fuzz.forAll(1000, random -> Fuzz.string(random, "ab=,", 40), header -> {
 *   assertThatCode(() -> TraceStateCodec.parse(header)).doesNotThrowAnyException();
 * });
 * }</pre>
 */
public final class Fuzz {
  private static final int SHOWN = 300;

  private Fuzz() {}

  /**
   * Checks {@code property} on {@code tries} inputs made by {@code generator}; rethrows the first
   * failure as an {@link AssertionError} naming the seed, the try and the input.
   */
  public static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
    long seed = Long.getLong("agenttrace.fuzz.seed", new Random().nextLong());
    int count = Integer.getInteger("agenttrace.fuzz.tries", tries);
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      T input = generator.apply(random);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException | StackOverflowError e) {
        throw new AssertionError(
            "Property failed on try "
                + i
                + " of "
                + count
                + " (replay with -Dagenttrace.fuzz.seed="
                + seed
                + ") for input "
                + describe(input)
                + ": "
                + e,
            e);
      }
    }
  }

  /** A length from 0 to {@code max}, mostly short: half the draws are at most {@code max / 8}. */
  public static int length(Random random, int max) {
    return random.nextBoolean() ? random.nextInt(max / 8 + 1) : random.nextInt(max + 1);
  }

  /** A string of up to {@code maxLength} characters of {@code alphabet}. */
  public static String string(Random random, String alphabet, int maxLength) {
    int length = length(random, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /**
   * A string of up to {@code maxLength} characters, each from {@code alphabet} or, one time in
   * {@code 1 / fragmentOdds}, a whole fragment: a way to make near-misses of a grammar likely.
   */
  public static String mix(
      Random random, String alphabet, List<String> fragments, int fragmentOdds, int maxLength) {
    int length = length(random, maxLength);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      if (random.nextInt(fragmentOdds) == 0) {
        out.append(fragments.get(random.nextInt(fragments.size())));
      } else {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return out.toString();
  }

  /** Any UTF-16 text, lone surrogates and control characters included. */
  public static String anyText(Random random, int maxLength) {
    int length = length(random, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(
          random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x80));
    }
    return out.toString();
  }

  /** Well-formed Unicode text (no lone surrogates), from ASCII to supplementary characters. */
  public static String unicodeText(Random random, int maxCodePoints) {
    int length = length(random, maxCodePoints);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int codePoint;
      switch (random.nextInt(4)) {
        case 0 -> codePoint = random.nextInt(0x80);
        case 1 -> codePoint = 0x80 + random.nextInt(0x800 - 0x80);
        case 2 -> codePoint = 0xE000 + random.nextInt(0x10000 - 0xE000);
        default -> codePoint = 0x10000 + random.nextInt(0x110000 - 0x10000);
      }
      out.appendCodePoint(codePoint);
    }
    return out.toString();
  }

  private static String describe(Object input) {
    String text = String.valueOf(input);
    String shown = text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    StringBuilder escaped = new StringBuilder("\"");
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.append("\" (").append(text.length()).append(" characters)").toString();
  }
}
