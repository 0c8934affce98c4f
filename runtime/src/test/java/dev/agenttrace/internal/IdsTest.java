package dev.agenttrace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.testing.Fuzz;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void hexFormattingRoundTrips() {
    String traceId = Ids.traceIdHex(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L);

    assertThat(traceId).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(Ids.parseHex16(traceId, 0)).isEqualTo(0x4bf92f3577b34da6L);
    assertThat(Ids.parseHex16(traceId, 16)).isEqualTo(0xa3ce929d0e0e4736L);
    assertThat(Ids.spanIdHex(1)).isEqualTo("0000000000000001");
  }

  @Test
  void idsFormattedOneAfterAnotherOnAThreadAreEachTheirOwn() {
    String traceId = Ids.traceIdHex(-1L, -1L);
    String spanId = Ids.spanIdHex(0x00f067aa0ba902b7L);

    assertThat(traceId).isEqualTo("ffffffffffffffffffffffffffffffff");
    assertThat(spanId).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void uppercaseHexIsRejected() {
    assertThatThrownBy(() -> Ids.parseHex16("00F067AA0BA902B7", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomSpanIdsAreNeverZero() {
    for (int i = 0; i < 10_000; i++) {
      assertThat(Ids.randomSpanId(ThreadLocalRandom.current())).isNotZero();
    }
  }

  @Test
  void anyIdFormatsAsTheJdksZeroPaddedHexWhicheverWayItIsWritten() {
    Fuzz.forAll(
        10_000,
        Random::nextLong,
        id -> {
          String expected = String.format("%016x", id);
          StringBuilder appended = new StringBuilder("x");
          Ids.appendHex(id, appended);
          StringBuilder traceId = new StringBuilder();
          Ids.appendTraceIdHex(id, ~id, traceId);

          assertThat(Ids.spanIdHex(id)).isEqualTo(expected);
          assertThat(appended.toString()).isEqualTo("x" + expected);
          assertThat(traceId.toString()).isEqualTo(expected + String.format("%016x", ~id));
          assertThat(Ids.parseHex16(expected, 0)).isEqualTo(id);
        });
  }
}
