package dev.agenttrace.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.Baggage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaggageCodecTest {

  @Test
  void specExampleWithPropertiesAndWhiteSpaceIsParsed() {
    Baggage baggage =
        BaggageCodec.parse(
            "key1=value1;property1;property2, key2 = value2, key3=value3;"
                + " propertyKey=propertyValue");

    assertThat(baggage.get("key1")).isEqualTo("value1");
    assertThat(baggage.getEntry("key1").metadata()).isEqualTo("property1;property2");
    assertThat(baggage.get("key2")).isEqualTo("value2");
    assertThat(baggage.get("key3")).isEqualTo("value3");
    assertThat(baggage.getEntry("key3").metadata()).isEqualTo("propertyKey=propertyValue");
  }

  @Test
  void percentEncodedValuesAreDecoded() {
    Baggage baggage = BaggageCodec.parse("userId=alice,serverNode=DF%2028,isProduction=false");

    assertThat(baggage.get("serverNode")).isEqualTo("DF 28");
    assertThat(baggage.get("userId")).isEqualTo("alice");
    assertThat(baggage.get("isProduction")).isEqualTo("false");
  }

  @Test
  void valuesMayContainEqualSigns() {
    assertThat(BaggageCodec.parse("token=a=b==").get("token")).isEqualTo("a=b==");
  }

  @Test
  void invalidUtf8DecodesToReplacementCharacter() {
    assertThat(BaggageCodec.parse("k=a%FFb").get("k")).isEqualTo("a\uFFFDb");
  }

  @Test
  void formatPercentEncodesWhatIsNotABaggageOctet() {
    Baggage baggage =
        Baggage.builder()
            .put("serverNode", "DF 28")
            .put("quote", "say \"hi\", ok; 100%\\")
            .put("unicode", "Grüße €")
            .build();

    String header = BaggageCodec.format(baggage);

    assertThat(header)
        .isEqualTo(
            "serverNode=DF%2028,quote=say%20%22hi%22%2C%20ok%3B%20100%25%5C,"
                + "unicode=Gr%C3%BC%C3%9Fe%20%E2%82%AC");
    assertThat(BaggageCodec.parse(header)).isEqualTo(baggage);
  }

  @Test
  void propertiesSurviveARoundTrip() {
    Baggage baggage = Baggage.builder().put("tenant", "acme", "ttl=60;internal").build();

    String header = BaggageCodec.format(baggage);

    assertThat(header).isEqualTo("tenant=acme;ttl=60;internal");
    assertThat(BaggageCodec.parse(header).getEntry("tenant").metadata())
        .isEqualTo("ttl=60;internal");
  }

  @Test
  void malformedMembersAreDroppedAndTheOthersKept() {
    Baggage baggage =
        BaggageCodec.parse("good=1, bad key=2, novalue, =3, quoted=\"x\", bad=1;pro perty, last=4");

    assertThat(baggage.entries().keySet()).containsExactly("good", "last");
  }

  @Test
  void repeatedKeysKeepTheLastValue() {
    assertThat(BaggageCodec.parse("k=1,k=2").get("k")).isEqualTo("2");
  }

  @Test
  void emptyValueIsAllowed() {
    assertThat(BaggageCodec.parse("k=").get("k")).isEmpty();
  }

  @Test
  void atMost64MembersAreRead() {
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      header.append(i == 0 ? "" : ",").append("key").append(i).append("=v");
    }

    Baggage baggage = BaggageCodec.parse(header);

    assertThat(baggage.size()).isEqualTo(64);
    assertThat(baggage.get("key63")).isEqualTo("v");
    assertThat(baggage.get("key64")).isNull();
  }

  @Test
  void membersOverTheCountLimitAreCountedAsDropped() {
    long before = BaggagePropagator.getInstance().droppedMembers();
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      header.append(i == 0 ? "" : ",").append("key").append(i).append("=v");
    }

    BaggageCodec.parse(header);

    assertThat(BaggagePropagator.getInstance().droppedMembers() - before).isEqualTo(6);
  }

  @Test
  void headerOfExactly8192BytesIsReadWhole() {
    String value = "v".repeat(Baggage.MAX_HEADER_BYTES - "k=".length());

    assertThat(BaggageCodec.parse("k=" + value).get("k")).isEqualTo(value);
  }

  @Test
  void memberThatWouldPassTheTotalOf8192BytesIsDroppedWholeAndLaterSmallOnesKept() {
    String first = "a=" + "1".repeat(8000);
    String second = "b=" + "2".repeat(300);

    Baggage baggage = BaggageCodec.parse(first + "," + second + ",c=3");

    assertThat(baggage.entries().keySet()).containsExactly("a", "c");
    assertThat(baggage.get("a")).hasSize(8000);
  }

  @Test
  void memberLargerThan8192BytesIsNeverKeptEvenInPart() {
    long before = BaggagePropagator.getInstance().droppedMembers();
    String huge = "big=" + "x".repeat(10 * 1024 * 1024);

    Baggage baggage = BaggageCodec.parse("small=1, " + huge + " ,tail=2");

    assertThat(baggage.entries().keySet()).containsExactly("small", "tail");
    assertThat(BaggagePropagator.getInstance().droppedMembers() - before).isEqualTo(1);
  }

  @Test
  void limitsApplyToAllFieldsOfARequestTogether() {
    List<String> fields = List.of("a=" + "1".repeat(5000), "b=" + "2".repeat(5000), "c=3");

    Baggage baggage = BaggageCodec.parse(fields);

    assertThat(baggage.entries().keySet()).containsExactly("a", "c");
  }

  @Test
  void malformedMembersAreCountedAsDropped() {
    long before = BaggagePropagator.getInstance().droppedMembers();

    BaggageCodec.parse("good=1, bad key=2, novalue, =3");

    assertThat(BaggagePropagator.getInstance().droppedMembers() - before).isEqualTo(3);
  }

  @Test
  void sixtyFourMembersAreAllFormatted() {
    Baggage.Builder builder = Baggage.builder();
    for (int i = 0; i < 64; i++) {
      builder.put("key" + i, "value");
    }

    assertThat(BaggageCodec.format(builder.build()).split(",")).hasSize(64);
  }

  @Test
  void headerOfExactly8192BytesIsFormattedWhole() {
    String value = "0123456789".repeat(819);

    String header = BaggageCodec.format(Baggage.builder().put("a", value).build());

    assertThat(header).hasSize(8192);
  }

  @Test
  void membersThatWouldExceed8192BytesAreLeftOutWhole() {
    Baggage baggage =
        Baggage.builder().put("small", "1").put("big", "x".repeat(8190)).put("tail", "2").build();

    String header = BaggageCodec.format(baggage);

    assertThat(header).isEqualTo("small=1,tail=2");
  }

  @Test
  void invalidNamesAreRejectedByTheBuilder() {
    Baggage baggage = Baggage.builder().put("has space", "1").put("ok", "2").build();

    assertThat(baggage.entries().keySet()).containsExactly("ok");
  }
}
