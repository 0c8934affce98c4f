package dev.agenttrace.sdk;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.ContextStack;
import dev.agenttrace.Span;
import dev.agenttrace.SpanBuilder;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanLink;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.TraceState;
import dev.agenttrace.Tracer;
import dev.agenttrace.internal.Ids;
import dev.agenttrace.processing.Sampler;
import dev.agenttrace.processing.SamplingDecision;
import dev.agenttrace.spi.Clock;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracer that records: it makes W3C ids, asks the sampler, keeps time and hands spans to its
 * processors.
 *
 * <pre>{@code
 * InMemorySpanCollector collector = new InMemorySpanCollector();
 * TracerSdk tracer = TracerSdk.builder()
 *     .serviceName("support-agent")
 *     .addSpanProcessor(collector)
 *     .build();
 * AgentTrace.install(tracer);
 * }</pre>
 *
 * <p>Guarantees: starting or ending a span never throws into the traced call (a failing processor
 * is logged and skipped); after {@link #shutdown(Duration)} no more spans are recorded.
 */
public final class TracerSdk implements Tracer, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(TracerSdk.class);

  private final Resource resource;
  private final Sampler sampler;
  private final SpanProcessor processor;

  /** Whether any processor wants {@code onStart}; asked once. */
  private final boolean startRequired;

  private final Clock clock;
  private volatile boolean shutdown;

  private TracerSdk(Builder builder) {
    this.resource = builder.resource;
    this.sampler = builder.sampler;
    this.processor = SpanProcessor.composite(builder.processors.toArray(new SpanProcessor[0]));
    this.startRequired = processor.isStartRequired();
    this.clock = builder.clock;
  }

  /** A builder with the defaults: unknown service, always-on sampler, no processors. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean isEnabled() {
    return !shutdown;
  }

  @Override
  public Span startSpan(SpanTemplate template) {
    return startWithAttribute(template, null, null, 0);
  }

  @Override
  public Span startSpan(SpanTemplate template, AttributeKey<Long> key, long value) {
    return startWithAttribute(template, key, RecordingSpan.UNBOXED_LONG, value);
  }

  @Override
  public Span startSpan(SpanTemplate template, AttributeKey<Double> key, double value) {
    return startWithAttribute(
        template, key, RecordingSpan.UNBOXED_DOUBLE, Double.doubleToRawLongBits(value));
  }

  @Override
  public <T> Span startSpan(SpanTemplate template, AttributeKey<T> key, T value) {
    return startWithAttribute(template, value == null ? null : key, value, 0);
  }

  /**
   * Starts a span of {@code template} under the current span, with {@code key} (if not null) set as
   * {@link RecordingSpan}'s constructor takes it.
   */
  private Span startWithAttribute(
      SpanTemplate template, AttributeKey<?> key, Object value, long longValue) {
    ContextStack stack = ContextStack.ofCurrentThread();
    return start(stack, stack.currentSpan(), template, false, List.of(), 0, key, value, longValue);
  }

  @Override
  public SpanBuilder spanBuilder(String name) {
    return new SdkSpanBuilder(this, requireNonNull(name, "name"));
  }

  /** The resource every span of this tracer carries. */
  public Resource resource() {
    return resource;
  }

  /** The processors, as one: spans hand themselves to it when they end. */
  SpanProcessor processor() {
    return processor;
  }

  /** The clock spans read their times from. */
  Clock clock() {
    return clock;
  }

  /** The sampler deciding which spans are recorded. */
  public Sampler sampler() {
    return sampler;
  }

  /**
   * Starts a span under {@code parent} on the calling thread, whose context stack is {@code stack}.
   * A non-null {@code firstKey} is an attribute set from the start (see {@link RecordingSpan}'s
   * constructor for how {@code firstValue} and {@code firstLong} hold it).
   */
  Span start(
      ContextStack stack,
      Span parent,
      SpanTemplate template,
      boolean templateOwned,
      List<SpanLink> links,
      long startEpochNanos,
      AttributeKey<?> firstKey,
      Object firstValue,
      long firstLong) {
    if (shutdown) {
      return parent.isRecording() ? Span.wrap(parent.spanContext()) : parent;
    }
    try {
      return startRecordingOrNot(
          stack,
          parent,
          template,
          templateOwned,
          links,
          startEpochNanos,
          firstKey,
          firstValue,
          firstLong);
    } catch (RuntimeException e) {
      logger.error("Could not start span {}; the call goes on untraced", template.name(), e);
      return Span.invalid();
    }
  }

  private Span startRecordingOrNot(
      ContextStack stack,
      Span parent,
      SpanTemplate template,
      boolean templateOwned,
      List<SpanLink> links,
      long startEpochNanos,
      AttributeKey<?> firstKey,
      Object firstValue,
      long firstLong) {
    Attributes attributes = template.attributes();
    // The parent's context object, made only when the sampler needs it: a child of a span of this
    // process reads the parent's numbers straight from it.
    SpanContext parentContext = null;
    long traceIdHigh;
    long traceIdLow;
    byte flags;
    TraceState traceState;
    long parentSpanId;
    boolean parentSampled;
    boolean parentRemote;
    // The thread's random generator, looked up once for a new trace's ids (a dropped child of a
    // dropped parent needs none).
    ThreadLocalRandom random = null;
    SamplingDecision decision = null;
    if (parent instanceof RecordingSpan local) {
      traceIdHigh = local.traceIdHigh();
      traceIdLow = local.traceIdLow();
      flags = (byte) (local.flags() & SpanContext.FLAG_RANDOM);
      traceState = local.traceState();
      parentSpanId = local.spanIdLong();
      parentSampled = local.isSampled();
      parentRemote = false;
      decision = sampler.decisionForLocalChild(parentSampled);
    } else {
      parentContext = parent.spanContext();
      if (parentContext.isValid()) {
        traceIdHigh = parentContext.traceIdHigh();
        traceIdLow = parentContext.traceIdLow();
        flags = (byte) (parentContext.flags() & SpanContext.FLAG_RANDOM);
        traceState = parentContext.traceState();
        parentSpanId = parentContext.spanIdLong();
        parentSampled = parentContext.isSampled();
        parentRemote = parentContext.isRemote();
      } else {
        parentContext = SpanContext.invalid();
        random = ThreadLocalRandom.current();
        traceIdHigh = random.nextLong();
        do {
          traceIdLow = random.nextLong();
        } while (traceIdLow == 0 && traceIdHigh == 0);
        flags = SpanContext.FLAG_RANDOM;
        traceState = TraceState.empty();
        parentSpanId = 0;
        parentSampled = false;
        parentRemote = false;
      }
    }
    if (decision == null) {
      if (parentContext == null) {
        parentContext = parent.spanContext();
      }
      decision =
          sampler.shouldSample(
              parentContext, traceIdHigh, traceIdLow, template.name(), template.kind(), attributes);
    }
    if (decision == SamplingDecision.RECORD_AND_SAMPLE) {
      flags |= SpanContext.FLAG_SAMPLED;
    } else if (decision == SamplingDecision.DROP && standsInForDroppedChild(parent, flags)) {
      return parent;
    }
    long spanId = Ids.randomSpanId(random != null ? random : ThreadLocalRandom.current());
    if (decision == SamplingDecision.DROP) {
      return new SampledOutSpan(stack, traceIdHigh, traceIdLow, spanId, flags, traceState);
    }
    long nanoTime = clock.nanoTime();
    long epochNanos;
    if (startEpochNanos != 0) {
      epochNanos = startEpochNanos;
    } else if (parent instanceof RecordingSpan) {
      epochNanos = ((RecordingSpan) parent).epochNanosNow(nanoTime);
    } else {
      epochNanos = clock.epochNanos(nanoTime);
    }
    RecordingSpan span =
        new RecordingSpan(
            stack,
            traceIdHigh,
            traceIdLow,
            spanId,
            flags,
            parentSpanId,
            parentSampled,
            parentRemote,
            traceState,
            template,
            templateOwned,
            links,
            this,
            epochNanos,
            nanoTime,
            AgentUsage.forNewSpan(
                parent instanceof RecordingSpan recording ? recording.agentUsage() : null,
                template),
            firstKey,
            firstValue,
            firstLong);
    if (startRequired) {
      processor.onStart(span);
    }
    return span;
  }

  /**
   * Whether {@code parent} can stand in for its dropped child, so that a sampled-out call allocates
   * nothing. It can when the parent is itself a dropped span of this process (not recording, not
   * remote) whose flags are the child's: nothing records either span, and the child would propagate
   * exactly what the parent propagates (trace id, unsampled flag, trace state); its own span id
   * would name a span that no backend ever sees. A remote parent never stands in: its children must
   * be known as local children to a parent-based sampler.
   */
  private static boolean standsInForDroppedChild(Span parent, byte childFlags) {
    if (parent.isRecording()) {
      return false;
    }
    SpanContext parentContext = parent.spanContext();
    return parentContext.isValid()
        && !parentContext.isRemote()
        && parentContext.flags() == childFlags;
  }

  /**
   * Hands every span the processors hold on to their exporters, waiting at most {@code timeout}.
   *
   * @return whether all was handed on in time
   */
  public boolean forceFlush(Duration timeout) {
    return processor.forceFlush(timeout);
  }

  /**
   * Stops recording, then flushes and shuts down the processors, waiting at most {@code timeout}.
   * Calling it again does nothing.
   *
   * @return whether the processors finished in time
   */
  public boolean shutdown(Duration timeout) {
    if (shutdown) {
      return true;
    }
    shutdown = true;
    return processor.shutdown(timeout);
  }

  /** Shuts down, waiting up to ten seconds for the processors. */
  @Override
  public void close() {
    shutdown(Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return "TracerSdk{" + resource + ", " + sampler.description() + ", " + processor + '}';
  }

  /** Builds a {@link TracerSdk}. */
  public static final class Builder {
    private Resource resource = Resource.defaultResource();
    private Sampler sampler = Sampler.parentBased(Sampler.alwaysOn());
    private final List<SpanProcessor> processors = new ArrayList<>();
    private Clock clock = Clock.system();

    private Builder() {}

    /** Sets {@code service.name}, keeping the other resource attributes. */
    public Builder serviceName(String serviceName) {
      this.resource = resource.merge(Resource.forService(requireNonNull(serviceName, "name")));
      return this;
    }

    /** Sets the resource every span carries. */
    public Builder resource(Resource resource) {
      this.resource = requireNonNull(resource, "resource");
      return this;
    }

    /**
     * Sets the head sampler; by default {@code parentBased(alwaysOn())} (OpenTelemetry's {@code
     * parentbased_always_on}): a child follows its parent's sampled flag, roots are sampled.
     */
    public Builder sampler(Sampler sampler) {
      this.sampler = requireNonNull(sampler, "sampler");
      return this;
    }

    /** Adds a processor; processors are called in the order added. */
    public Builder addSpanProcessor(SpanProcessor processor) {
      processors.add(requireNonNull(processor, "processor"));
      return this;
    }

    /** Sets the clock, for tests that want exact timings. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The tracer. Install it with {@link dev.agenttrace.AgentTrace#install}. */
    public TracerSdk build() {
      return new TracerSdk(this);
    }
  }
}
