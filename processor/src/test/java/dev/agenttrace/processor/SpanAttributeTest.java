package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.spi.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code @SpanAttribute} parameters are recorded with their type kept, and nulls are skipped. */
class SpanAttributeTest {
  @RegisterExtension final ProxyTester tester = new ProxyTester();

  private SpanData bookSpan(String arguments) throws Exception {
    run(
        """
        package test;

        enum Seat { WINDOW, AISLE }

        package test;

        import dev.agenttrace.annotations.SpanAttribute;
        import dev.agenttrace.annotations.Tool;
        import java.util.List;

        @Tool
        interface Booking {
          String book(
              @SpanAttribute("booking.nights") int nights,
              @SpanAttribute("booking.guests") Long guests,
              @SpanAttribute("booking.price") double price,
              @SpanAttribute("booking.discount") Float discount,
              @SpanAttribute("booking.paid") boolean paid,
              @SpanAttribute("booking.guest") String guest,
              @SpanAttribute("booking.seat") Seat seat,
              @SpanAttribute("booking.class") char fareClass,
              @SpanAttribute("booking.rooms") int[] rooms,
              @SpanAttribute("booking.notes") List<String> notes,
              @SpanAttribute String city,
              String secret);
        }

        package test;

        import java.util.List;
        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Booking booking = BookingTraced.wrap(
                (n, g, p, d, paid, guest, seat, c, rooms, notes, city, secret) -> "booked");
            return booking.book(%s);
          }
        }
        """
            .formatted(arguments));
    return tester.span("execute_tool book");
  }

  private static final String ALL_SET =
      "3, 2L, 99.5, 0.25f, true, \"Ada\", Seat.AISLE, 'B', new int[] {101, 102},"
          + " List.of(\"late\"), \"Paris\", \"hunter2\"";

  @Test
  void integralNumbersAreLongAttributes() throws Exception {
    SpanData span = bookSpan(ALL_SET);

    assertThat(span.attributes().get(AttributeKey.longKey("booking.nights"))).isEqualTo(3L);
    assertThat(span.attributes().get(AttributeKey.longKey("booking.guests"))).isEqualTo(2L);
  }

  @Test
  void floatingPointNumbersAreDoubleAttributes() throws Exception {
    SpanData span = bookSpan(ALL_SET);

    assertThat(span.attributes().get(AttributeKey.doubleKey("booking.price"))).isEqualTo(99.5);
    assertThat(span.attributes().get(AttributeKey.doubleKey("booking.discount"))).isEqualTo(0.25);
  }

  @Test
  void booleansAreBooleanAttributes() throws Exception {
    SpanData span = bookSpan(ALL_SET);

    assertThat(span.attributes().get(AttributeKey.booleanKey("booking.paid"))).isTrue();
  }

  @Test
  void stringsCharsEnumsArraysAndObjectsAreStringAttributes() throws Exception {
    SpanData span = bookSpan(ALL_SET);

    assertThat(span.attributes().get(AttributeKey.stringKey("booking.guest"))).isEqualTo("Ada");
    assertThat(span.attributes().get(AttributeKey.stringKey("booking.seat"))).isEqualTo("AISLE");
    assertThat(span.attributes().get(AttributeKey.stringKey("booking.class"))).isEqualTo("B");
    assertThat(span.attributes().get(AttributeKey.stringKey("booking.rooms")))
        .isEqualTo("[101, 102]");
    assertThat(span.attributes().get(AttributeKey.stringKey("booking.notes"))).isEqualTo("[late]");
  }

  @Test
  void keyDefaultsToParameterName() throws Exception {
    SpanData span = bookSpan(ALL_SET);

    assertThat(span.attributes().get(AttributeKey.stringKey("city"))).isEqualTo("Paris");
  }

  @Test
  void parametersWithoutSpanAttributeAreNotRecorded() throws Exception {
    SpanData span = bookSpan(ALL_SET);

    assertThat(span.attributes().asMap())
        .doesNotContainKey("secret")
        .doesNotContainValue("hunter2");
  }

  @Test
  void nullArgumentsRecordNothing() throws Exception {
    SpanData span = bookSpan("1, null, 1.0, null, false, null, null, 'A', null, null, null, null");

    assertThat(span.attributes().asMap())
        .containsKeys("booking.nights", "booking.price", "booking.paid", "booking.class")
        .doesNotContainKeys(
            "booking.guests",
            "booking.discount",
            "booking.guest",
            "booking.seat",
            "booking.rooms",
            "booking.notes",
            "city");
  }

  /**
   * The first attribute of a method goes into {@code startSpan} when its value is free to compute
   * (primitives, exact boxes, strings) and is set after the start otherwise; either way the span
   * reads the same, and a null records nothing.
   */
  @Test
  void eachKindOfValueRecordsTheSameWhenItIsTheFirstAttribute() throws Exception {
    run(
        """
        package test;

        enum Seat { WINDOW, AISLE }

        package test;

        import dev.agenttrace.annotations.SpanAttribute;
        import dev.agenttrace.annotations.Tool;

        @Tool
        interface Single {
          String nights(@SpanAttribute("v") int value);
          String guests(@SpanAttribute("v") Long value);
          String rooms(@SpanAttribute("v") Integer value);
          String discount(@SpanAttribute("v") float value);
          String price(@SpanAttribute("v") Double value);
          String paid(@SpanAttribute("v") boolean value);
          String guest(@SpanAttribute("v") String value);
          String note(@SpanAttribute("v") CharSequence value);
          String seat(@SpanAttribute("v") Seat value);
          String nobody(@SpanAttribute("v") String value);
        }

        package test;

        import java.util.concurrent.Callable;

        public class Driver implements Callable<Object> {
          @Override
          public Object call() {
            Single single = SingleTraced.wrap(new Single() {
              public String nights(int value) { return "ok"; }
              public String guests(Long value) { return "ok"; }
              public String rooms(Integer value) { return "ok"; }
              public String discount(float value) { return "ok"; }
              public String price(Double value) { return "ok"; }
              public String paid(boolean value) { return "ok"; }
              public String guest(String value) { return "ok"; }
              public String note(CharSequence value) { return "ok"; }
              public String seat(Seat value) { return "ok"; }
              public String nobody(String value) { return "ok"; }
            });
            single.nights(3);
            single.guests(2L);
            single.rooms(4);
            single.discount(0.25f);
            single.price(99.5);
            single.paid(true);
            single.guest("Ada");
            single.note(new StringBuilder("late"));
            single.seat(Seat.AISLE);
            return single.nobody(null);
          }
        }
        """);

    assertThat(value("nights")).isEqualTo(3L);
    assertThat(value("guests")).isEqualTo(2L);
    assertThat(value("rooms")).isEqualTo(4L);
    assertThat(value("discount")).isEqualTo(0.25);
    assertThat(value("price")).isEqualTo(99.5);
    assertThat(value("paid")).isEqualTo(true);
    assertThat(value("guest")).isEqualTo("Ada");
    assertThat(value("note")).isEqualTo("late");
    assertThat(value("seat")).isEqualTo("AISLE");
    assertThat(tester.span("execute_tool nobody").attributes().asMap()).doesNotContainKey("v");
  }

  private Object value(String tool) {
    return tester.span("execute_tool " + tool).attributes().asMap().get("v");
  }
}
