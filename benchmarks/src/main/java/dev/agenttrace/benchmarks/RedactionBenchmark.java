package dev.agenttrace.benchmarks;

import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.processing.InMemorySpanCollector;
import dev.agenttrace.processing.RedactingSpanProcessor;
import dev.agenttrace.processing.RedactionPatterns;
import dev.agenttrace.spi.ImmutableSpanData;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanData;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What redaction with the default patterns ({@code redactDefaults()}: secret key names masked,
 * e-mail addresses, API keys and bearer tokens masked inside values) costs per KiB of string value,
 * on ordinary text and on text shaped to make a backtracking pattern slow.
 *
 * <p>Every invocation redacts 64 KiB of values, as 64 spans of 1 KiB or one span of 64 KiB, and
 * counts as 64 operations: the score is the time per KiB. The same score at both sizes is what
 * linear means; a quadratic pattern would cost 64 times more per KiB at 64 KiB.
 *
 * <pre>
 * mvn -B -q -DskipTests package -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main RedactionBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(RedactionBenchmark.KIB_PER_INVOCATION)
public class RedactionBenchmark {
  static final int KIB_PER_INVOCATION = 64;

  /** An LLM answer as spans carry them, with one e-mail address in every 200 characters. */
  private static final String ORDINARY =
      "Order ORD-1001 was placed on 2024-05-01 and shipped on 2024-05-03; the total was 129.90 EUR."
          + " I have written to jane.doe@example.com about the refund. ";

  @State(Scope.Benchmark)
  public static class Values {
    /** What the string value holds. */
    @Param({
      "ordinary",
      "noAtSign",
      "separators",
      "digits",
      "apiKeyPrefixes",
      "bearerSpaces",
      "oneLongLine"
    })
    public String text;

    /** The size of one value in KiB. */
    @Param({"1", "64"})
    public int kib;

    RedactingSpanProcessor redactor;
    List<SpanData> spans;

    @Setup
    public void setUp() {
      redactor =
          RedactingSpanProcessor.builder()
              .maskKeys(RedactionPatterns.SECRET_KEY_NAMES)
              .maskValues(
                  RedactionPatterns.EMAIL,
                  RedactionPatterns.API_KEY,
                  RedactionPatterns.BEARER_TOKEN)
              .build(new InMemorySpanCollector());
      String value = text(text, kib * 1024);
      SpanData span = span(value);
      spans = Collections.nCopies(KIB_PER_INVOCATION / kib, span);
    }
  }

  static String text(String kind, int length) {
    String unit =
        switch (kind) {
          case "ordinary" -> ORDINARY;
          case "noAtSign" -> "john.doe_x%+-9";
          case "separators" -> ".-_%+";
          case "digits" -> "0123456789";
          case "apiKeyPrefixes" -> "sk-aaaaaaaaaaaaaaa ";
          case "bearerSpaces" -> "bearer     ";
          case "oneLongLine" -> "x";
          default -> throw new IllegalArgumentException(kind);
        };
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  private static SpanData span(String value) {
    return new ImmutableSpanData(
        "chat",
        SpanKind.CLIENT,
        SpanContext.create(1L, 2L, 3L, (byte) 1, TraceState.empty()),
        SpanContext.invalid(),
        1_700_000_000_000_000_000L,
        1_700_000_000_025_000_000L,
        25_000_000L,
        Attributes.builder().put("gen_ai.completion", value).put("order.id", "ORD-1001").build(),
        List.of(),
        List.of(),
        StatusCode.UNSET,
        null,
        true,
        Resource.forService("bench"));
  }

  @Benchmark
  public void redact(Values values, Blackhole blackhole) {
    for (SpanData span : values.spans) {
      blackhole.consume(values.redactor.redact(span));
    }
  }
}
