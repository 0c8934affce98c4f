package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.SpanContext;
import dev.agenttrace.TraceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentCodecTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";

  private static SpanContext parse(String header) {
    return TraceParentCodec.parse(header, TraceState.empty());
  }

  @Test
  void specExampleOfSampledCallerParsesToRemoteSampledContext() {
    SpanContext context = parse("00-" + TRACE_ID + "-" + PARENT_ID + "-01");

    assertThat(context.isValid()).isTrue();
    assertThat(context.isRemote()).isTrue();
    assertThat(context.traceId()).isEqualTo(TRACE_ID);
    assertThat(context.spanId()).isEqualTo(PARENT_ID);
    assertThat(context.isSampled()).isTrue();
  }

  @Test
  void specExampleOfUnsampledCallerParsesWithSampledFlagClear() {
    SpanContext context = parse("00-" + TRACE_ID + "-" + PARENT_ID + "-00");

    assertThat(context.isValid()).isTrue();
    assertThat(context.isSampled()).isFalse();
  }

  @Test
  void level2RandomFlagIsKept() {
    SpanContext context = parse("00-" + TRACE_ID + "-" + PARENT_ID + "-03");

    assertThat(context.flags()).isEqualTo((byte) 0x03);
  }

  @Test
  void unknownFlagsAreZeroed() {
    SpanContext context = parse("00-" + TRACE_ID + "-" + PARENT_ID + "-ff");

    assertThat(context.isValid()).isTrue();
    assertThat(context.flags()).isEqualTo((byte) 0x03);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "\t00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ",
        "\t 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 \t"
      })
  void surroundingOptionalWhiteSpaceIsIgnored(String header) {
    assertThat(parse(header).traceId()).isEqualTo(TRACE_ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-"
      })
  void higherVersionIsParsedByTheVersion00Layout(String header) {
    SpanContext context = parse(header);

    assertThat(context.traceId()).isEqualTo(TRACE_ID);
    assertThat(context.spanId()).isEqualTo(PARENT_ID);
  }

  /** Version {@code 00} is exactly 55 characters. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-"
      })
  void version00AllowsNothingAfterTheFlags(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** A higher version may add fields, each after a dash. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.what-the-future-will-be-like",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-010"
      })
  void higherVersionMustContinueWithADashAfterTheFlags(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** "If the size of the header is shorter than 55 characters, ... restart the trace." */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7"
      })
  void higherVersionShorterThanVersion00IsRejected(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** Version 255 is forbidden, whatever follows. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"
      })
  void versionFfIsInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** The version prefix: two lowercase hex digits, then a dash. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        ".0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "0.-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "000-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "CC-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
      })
  void versionMustBeTwoLowercaseHexDigitsFollowedByADash(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** An all-zero trace id is invalid, also in a higher version. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "cc-00000000000000000000000000000000-00f067aa0ba902b7-01-x"
      })
  void allZeroTraceIdIsInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** An all-zero parent id is invalid, also in a higher version. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01-x"
      })
  void allZeroParentIdIsInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** Every field is lowercase hex ({@code HEXDIGLC}). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A",
        "cc-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"
      })
  void uppercaseHexIsInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** Illegal characters in the trace id, parent id or flags. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-.bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473.-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-.0f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b.-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-.0",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0.",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g"
      })
  void nonHexCharacterInAnyFieldIsInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** A field one character too long or too short. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-4bf92f3577b34da6a3ce929d0e0e47361-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b71-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-001",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1"
      })
  void fieldOfTheWrongLengthIsInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** Fields are separated by single dashes. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736--00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
      })
  void wrongSeparatorsAreInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  /** Nothing that looks like a header at all. */
  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t", "garbage"})
  void emptyOrGarbageIsInvalid(String header) {
    assertThat(parse(header).isValid()).isFalse();
  }

  @Test
  void missingHeaderIsRejected() {
    assertThat(parse(null)).isEqualTo(SpanContext.invalid());
  }

  @Test
  void formatWritesVersion00WithKnownFlagsOnly() {
    SpanContext context =
        SpanContext.create(
            0x4bf92f3577b34da6L,
            0xa3ce929d0e0e4736L,
            0x00f067aa0ba902b7L,
            (byte) 0x07,
            TraceState.empty());

    assertThat(TraceParentCodec.format(context))
        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03");
  }

  @Test
  void formatOfInvalidContextIsNull() {
    assertThat(TraceParentCodec.format(SpanContext.invalid())).isNull();
  }

  @Test
  void formatThenParseGivesTheSameIds() {
    String header = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

    assertThat(TraceParentCodec.format(parse(header))).isEqualTo(header);
  }
}
