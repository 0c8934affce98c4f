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

  @ParameterizedTest
  @ValueSource(
      strings = {
        // version 00 allows nothing after the flags
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like",
        // a higher version must continue with a dash
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.what-the-future-will-be-like",
        // version ff is forbidden; malformed versions
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ".0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "0.-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "000-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        // all-zero ids
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        // illegal characters, uppercase hex
        "00-.bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-.0f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-.0",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0.",
        // wrong lengths
        "00-4bf92f3577b34da6a3ce929d0e0e47361-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b71-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-001",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
        // wrong separators, garbage, empty
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "",
        "   ",
        "garbage"
      })
  void malformedHeaderIsRejected(String header) {
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
