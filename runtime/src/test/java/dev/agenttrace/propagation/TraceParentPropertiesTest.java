package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SpanContext;
import dev.agenttrace.TraceState;
import dev.agenttrace.testing.Fuzz;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of {@code traceparent} parsing and formatting on random ids and random text. */
class TraceParentPropertiesTest {
  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final List<String> FRAGMENTS =
      List.of(
          VALID,
          "00-",
          "cc-",
          "ff-",
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          "0".repeat(16),
          "-01",
          "-ff",
          "-",
          " ",
          "\t");

  private static long nonZero(Random random) {
    long id = random.nextLong();
    return id == 0 ? 1 : id;
  }

  /** A valid context from the parser: remote, ids non-zero and taken from the header. */
  private static void assertValidAndFrom(String header, SpanContext context) {
    assertThat(context.isRemote()).isTrue();
    assertThat(context.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(context.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
    assertThat(context.flags() & ~(SpanContext.FLAG_SAMPLED | SpanContext.FLAG_RANDOM)).isZero();
    assertThat(header).contains(context.traceId() + "-" + context.spanId() + "-");
  }

  @Test
  void validIdsSurviveFormatThenParse() {
    Fuzz.forAll(
        2_000,
        random ->
            SpanContext.create(
                nonZero(random),
                random.nextLong(),
                nonZero(random),
                (byte) random.nextInt(256),
                TraceState.empty()),
        context -> {
          SpanContext parsed =
              TraceParentCodec.parse(TraceParentCodec.format(context), TraceState.empty());

          assertThat(parsed.traceId()).isEqualTo(context.traceId());
          assertThat(parsed.spanId()).isEqualTo(context.spanId());
          assertThat(parsed.flags()).isEqualTo((byte) (context.flags() & 0x03));
          assertThat(parsed.isRemote()).isTrue();
        });
  }

  @Test
  void anyTextIsRejectedOrParsedToAValidContextFromIt() {
    Fuzz.forAll(
        5_000,
        random -> Fuzz.mix(random, "0123456789abcdefABCDEF-. \tgx", FRAGMENTS, 5, 120),
        header -> {
          SpanContext parsed = TraceParentCodec.parse(header, TraceState.empty());
          if (parsed.isValid()) {
            assertValidAndFrom(header, parsed);
          }
        });
  }

  @Test
  void damagedValidHeaderIsRejectedOrStillParsedFromItself() {
    Fuzz.forAll(
        5_000,
        random -> {
          StringBuilder header = new StringBuilder(VALID);
          for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
            int at = random.nextInt(header.length());
            char c = "0af-F. \t".charAt(random.nextInt(8));
            switch (random.nextInt(3)) {
              case 0 -> header.deleteCharAt(at);
              case 1 -> header.insert(at, c);
              default -> header.setCharAt(at, c);
            }
          }
          return header.toString();
        },
        header -> {
          SpanContext parsed = TraceParentCodec.parse(header, TraceState.empty());
          if (parsed.isValid()) {
            assertValidAndFrom(header, parsed);
          }
        });
  }
}
