package dev.agenttrace.sdk;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.AttributeVisitor;
import dev.agenttrace.Attributes;
import dev.agenttrace.ContextStack;
import dev.agenttrace.SelfScopingSpan;
import dev.agenttrace.SemanticAttributes;
import dev.agenttrace.Span;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.SpanLink;
import dev.agenttrace.SpanTemplate;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.internal.Ids;
import dev.agenttrace.spi.ApproximateSize;
import dev.agenttrace.spi.ReadWriteSpan;
import dev.agenttrace.spi.Resource;
import dev.agenttrace.spi.SpanEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A span that records. After {@link #end()} it is frozen and serves as its own exported data, so
 * ending a span copies nothing.
 *
 * <p>Timestamps: a child span's wall-clock times are derived from its parent's start plus a
 * monotonic difference, so children always lie inside their parents even if the wall clock jumps.
 *
 * <p>Limits: at most {@value #MAX_ATTRIBUTES} attributes and {@value #MAX_EVENTS} events; string
 * values are cut to 8 KiB characters on the span and 16 KiB in events, ending with {@code
 * ...[truncated]} (see {@link AttributeLimits}).
 */
final class RecordingSpan extends SelfScopingSpan implements ReadWriteSpan {
  static final int MAX_ATTRIBUTES = 128;
  static final int MAX_EVENTS = 128;

  private static final StatusCode[] STATUS_CODES = StatusCode.values();
  private static final byte UNSET = (byte) StatusCode.UNSET.ordinal();
  private static final byte OK = (byte) StatusCode.OK.ordinal();

  /** Stands in {@code firstValue} for a long kept unboxed in {@code firstLong}. */
  static final Object UNBOXED_LONG = new Object();

  /**
   * Handed to the constructor as {@code firstValue} for a double whose raw bits are in {@code
   * firstLong}: boxed there, so that a span that is not recorded never boxes it.
   */
  static final Object UNBOXED_DOUBLE = new Object();

  // This span's identity and its parent's, held as numbers: a SpanContext object is made only when
  // asked for (by a propagator, a processor that wants one), and a child of this span reads the
  // numbers straight from it, so a nested call makes none. The trace state, almost always empty, is
  // in the rare holder when it is not.
  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final byte flags;

  /** The parent's span id, or 0 for a root; its sampled and remote flags are in {@link #traits}. */
  private final long parentSpanId;

  /** Name, kind and the attributes from the start: one field for three. */
  private final SpanTemplate template;

  /**
   * {@link #TEMPLATE_OWNED}, {@link #AGENT}, {@link #PARENT_SAMPLED} and {@link #PARENT_REMOTE}, in
   * one byte so that the span keeps its 120 bytes.
   */
  private final byte traits;

  /**
   * The template was made for this span alone (from a span builder's attributes), so its attributes
   * count in {@link #approximateSize()}; a template handed to {@code startSpan} is shared by the
   * calls it names.
   */
  private static final byte TEMPLATE_OWNED = 1;

  /** The span is an agent invocation with agent totals to record when it ends. */
  private static final byte AGENT = 2;

  /**
   * The parent's sampled flag. The parent's random flag is this span's: a child takes it from its
   * parent.
   */
  private static final byte PARENT_SAMPLED = 4;

  /** The parent came from another process (a propagated context). */
  private static final byte PARENT_REMOTE = 8;

  /** The tracer that started this span: its resource, processor and clock, in one field. */
  private final TracerSdk tracer;

  private final long startEpochNanos;
  private final long startNanoTime;

  /** The totals of the nearest enclosing agent span (this one's own if it is one), or null. */
  private final AgentUsage agentUsage;

  // Guarded by this.
  // Attributes set after the start, in order: the first in two fields (most proxy methods set one
  // at run time, so most spans need no array), a long first value unboxed in firstLong (firstValue
  // then holds UNBOXED_LONG), the others in pairs in moreAttributes.
  private AttributeKey<?> firstKey;
  private Object firstValue;
  private long firstLong;
  private Object[] moreAttributes;
  private short attributeCount;
  private byte status = UNSET;

  /**
   * {@link #NOT_ENDED} until the span ends; written once, under the lock or by the creator ending
   * the span alone (a reader holding the lock then sees NOT_ENDED or the duration: 64-bit JVMs
   * write a long at once).
   */
  private long durationNanos = NOT_ENDED;

  private static final long NOT_ENDED = -1;

  /**
   * Links, events, an error description and a non-empty trace state: most spans have none, so they
   * share one holder.
   */
  private Rare rare;

  /**
   * {@link #OPEN}, {@link #ENDING} or {@link #ENDED}: set to ENDED after every other field, so that
   * a reader who sees ENDED also sees everything the span recorded, and may then read without the
   * lock (nothing changes any more). Exporters and metrics read every ended span this way. ENDING
   * means that the creating thread is ending the span: other threads no longer change it.
   */
  private volatile byte endState;

  private static final byte OPEN = 0;
  private static final byte ENDING = 1;
  private static final byte ENDED = 2;

  /**
   * Set by any thread other than the creator before it changes the span. Together with {@link
   * #endState} it lets the creator end a span that no other thread ever changed without taking the
   * lock (see {@link #markEnded}); both are volatile, so the creator's ENDING and another thread's
   * {@code othersWrite} cannot both go unseen by the other.
   */
  private volatile boolean othersWrite;

  RecordingSpan(
      ContextStack creator,
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      byte flags,
      long parentSpanId,
      boolean parentSampled,
      boolean parentRemote,
      TraceState traceState,
      SpanTemplate template,
      boolean templateOwned,
      List<SpanLink> links,
      TracerSdk tracer,
      long startEpochNanos,
      long startNanoTime,
      AgentUsage agentUsage,
      AttributeKey<?> firstKey,
      Object firstValue,
      long firstLong) {
    super(creator);
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.flags = flags;
    this.parentSpanId = parentSpanId;
    this.template = template;
    if (!links.isEmpty() || !traceState.isEmpty()) {
      // Set before the span is visible to any other thread, and never replaced: traceState() reads
      // it without the lock.
      rare = new Rare(links, traceState);
    }
    this.tracer = tracer;
    this.startEpochNanos = startEpochNanos;
    this.startNanoTime = startNanoTime;
    this.agentUsage = agentUsage;
    this.traits =
        (byte)
            ((templateOwned ? TEMPLATE_OWNED : 0)
                | (agentUsage != null && template.isAgentInvocation() ? AGENT : 0)
                | (parentSampled ? PARENT_SAMPLED : 0)
                | (parentRemote ? PARENT_REMOTE : 0));
    if (firstKey != null) {
      // Set before the span is visible to any other thread: no lock needed.
      this.firstKey = firstKey;
      if (firstValue == UNBOXED_LONG) {
        this.firstValue = UNBOXED_LONG;
        this.firstLong = firstLong;
      } else if (firstValue == UNBOXED_DOUBLE) {
        this.firstValue = Double.longBitsToDouble(firstLong);
      } else {
        this.firstValue =
            AttributeLimits.limitValue(firstValue, AttributeLimits.MAX_SPAN_STRING_LENGTH);
      }
      this.attributeCount = 1;
    }
  }

  private Attributes initialAttributes() {
    return template.attributes();
  }

  /** The totals a child of this span adds its tokens to, or null outside any agent. */
  AgentUsage agentUsage() {
    return agentUsage;
  }

  /** The wall-clock time now, on this span's time line (for children and events). */
  long epochNanosNow(long nanoTime) {
    return startEpochNanos + (nanoTime - startNanoTime);
  }

  /**
   * A new context on every call (an equal one each time): most spans are never asked, and a child
   * reads its parent's numbers without one.
   */
  @Override
  public SpanContext spanContext() {
    return SpanContext.create(traceIdHigh, traceIdLow, spanId, flags, traceState());
  }

  /** The trace flags of this span's context. */
  byte flags() {
    return flags;
  }

  /** The trace state, taken from the parent (the tracer never changes it), empty for a root. */
  TraceState traceState() {
    // Unlocked: a non-empty trace state was set in the constructor; a holder made later by another
    // thread carries the empty state in a final field.
    Rare extra = rare;
    return extra == null ? TraceState.empty() : extra.traceState;
  }

  @Override
  public long traceIdHigh() {
    return traceIdHigh;
  }

  @Override
  public long traceIdLow() {
    return traceIdLow;
  }

  @Override
  public long spanIdLong() {
    return spanId;
  }

  @Override
  public long parentSpanIdLong() {
    return parentSpanId;
  }

  @Override
  public boolean hasRemoteParent() {
    return (traits & PARENT_REMOTE) != 0;
  }

  @Override
  public boolean isSampled() {
    return (flags & SpanContext.FLAG_SAMPLED) != 0;
  }

  @Override
  public String traceId() {
    return Ids.traceIdHex(traceIdHigh, traceIdLow);
  }

  @Override
  public String spanId() {
    return Ids.spanIdHex(spanId);
  }

  @Override
  public boolean isRecording() {
    return true;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key == null || value == null) {
      return this;
    }
    Object stored = AttributeLimits.limitValue(value, AttributeLimits.MAX_SPAN_STRING_LENGTH);
    noteWriter();
    synchronized (this) {
      if (endState == OPEN) {
        put(key, stored);
      }
    }
    return this;
  }

  /** Sets {@code key} to {@code stored} (replacing a value of the same name); under the lock. */
  private void put(AttributeKey<?> key, Object stored) {
    for (int i = 0; i < attributeCount; i++) {
      if (keyAt(i).name().equals(key.name())) {
        setAt(i, key, stored);
        return;
      }
    }
    if (attributeCount >= MAX_ATTRIBUTES) {
      return;
    }
    if (attributeCount > 0) {
      int slots = attributeCount * 2; // for the pairs after the first, this one included
      if (moreAttributes == null) {
        moreAttributes = new Object[4];
      } else if (moreAttributes.length < slots) {
        moreAttributes = Arrays.copyOf(moreAttributes, moreAttributes.length * 2);
      }
    }
    setAt(attributeCount, key, stored);
    attributeCount++;
  }

  /** Keeps the first attribute set at run time unboxed when it is a long (a proxy's typical id). */
  @Override
  public Span setAttribute(AttributeKey<Long> key, long value) {
    if (key == null) {
      return this;
    }
    noteWriter();
    synchronized (this) {
      if (endState != OPEN) {
        return this;
      }
      if (attributeCount == 0) {
        firstKey = key;
        firstValue = UNBOXED_LONG;
        firstLong = value;
        attributeCount = 1;
      } else {
        put(key, value);
      }
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    if (name == null) {
      return this;
    }
    SpanEvent event =
        new SpanEvent(
            name,
            epochNanosNow(tracer.clock().nanoTime()),
            attributes == null
                ? Attributes.empty()
                : AttributeLimits.limit(attributes, AttributeLimits.MAX_EVENT_STRING_LENGTH));
    noteWriter();
    synchronized (this) {
      if (endState != OPEN) {
        return this;
      }
      Rare extra = rare();
      if (extra.events == null) {
        extra.events = new ArrayList<>(2);
      }
      if (extra.events.size() < MAX_EVENTS) {
        extra.events.add(event);
      }
    }
    return this;
  }

  @Override
  public Span setStatus(StatusCode code, String description) {
    if (code == null || code == StatusCode.UNSET) {
      return this;
    }
    noteWriter();
    synchronized (this) {
      if (endState != OPEN || status == OK) {
        return this;
      }
      status = (byte) code.ordinal();
      String kept =
          code == StatusCode.ERROR && description != null
              ? AttributeLimits.truncate(description, AttributeLimits.MAX_SPAN_STRING_LENGTH)
              : null;
      if (kept != null || rare != null) {
        rare().statusDescription = kept;
      }
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception) {
    if (exception == null) {
      return this;
    }
    String type = exception.getClass().getName();
    Attributes.Builder attributes =
        Attributes.builder()
            .put(SemanticAttributes.EXCEPTION_TYPE, type)
            .put(SemanticAttributes.EXCEPTION_STACKTRACE, stackTrace(exception, type));
    String message;
    try {
      message = exception.getMessage();
    } catch (Throwable e) {
      // The user's exception must reach its caller, not ours.
      message = null;
    }
    if (message != null) {
      attributes.put(SemanticAttributes.EXCEPTION_MESSAGE, message);
    }
    return addEvent(SemanticAttributes.EXCEPTION_EVENT_NAME, attributes.build());
  }

  /** The printed stack trace, or a short note if printing it threw; never throws. */
  private static String stackTrace(Throwable exception, String type) {
    StringWriter stackTrace = new StringWriter();
    try {
      exception.printStackTrace(new PrintWriter(stackTrace));
      return stackTrace.toString();
    } catch (Throwable e) {
      return type
          + " (stack trace unavailable: printStackTrace threw "
          + e.getClass().getName()
          + ")";
    }
  }

  @Override
  public void end() {
    endAt(tracer.clock().nanoTime());
  }

  @Override
  public void end(long epochNanos) {
    endAt(startNanoTime + (epochNanos - startEpochNanos));
  }

  private void endAt(long nanoTime) {
    boolean agent = (traits & AGENT) != 0;
    if (agent) {
      recordAgentTotals();
    }
    if (!markEnded(Math.max(0, nanoTime - startNanoTime))) {
      return;
    }
    if (agentUsage != null && !agent) {
      addToAgentTotals();
    }
    tracer.processor().onEnd(this);
  }

  /**
   * Records the duration and marks the span ended, unless it had ended already.
   *
   * <p>The common case, the creating thread ending a span no other thread ever changed, takes no
   * lock: the creator announces ENDING, then checks {@link #othersWrite}. Since another thread sets
   * that before it takes the lock and looks at {@link #endState} under it, either the creator sees
   * it (and takes the lock like everyone else) or the other thread sees ENDING (and leaves the span
   * alone), never neither. In the rare race where another thread ended the span just before the
   * creator announced ENDING, the duration it wrote tells the creator under the lock.
   *
   * @return whether this call ended the span
   */
  private boolean markEnded(long duration) {
    if (onCreatorThread()) {
      if (endState != OPEN) {
        return false;
      }
      endState = ENDING;
      if (!othersWrite) {
        durationNanos = duration;
        endState = ENDED;
        return true;
      }
      synchronized (this) {
        boolean first = durationNanos == NOT_ENDED;
        if (first) {
          durationNanos = duration;
        }
        endState = ENDED;
        return first;
      }
    }
    noteWriter();
    synchronized (this) {
      if (endState != OPEN) {
        return false; // ended, or the creator is ending it
      }
      durationNanos = duration;
      endState = ENDED;
      return true;
    }
  }

  /** Announces a change from a thread other than the creator; see {@link #markEnded}. */
  private void noteWriter() {
    if (!othersWrite && !onCreatorThread()) {
      othersWrite = true;
    }
  }

  /** An agent span ending: its model calls' totals, unless the call set its own counts. */
  private void recordAgentTotals() {
    setIfAbsent(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS, agentUsage.inputTokens());
    setIfAbsent(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, agentUsage.outputTokens());
  }

  private void setIfAbsent(AttributeKey<Long> key, long total) {
    if (total >= 0 && value(key) == null) {
      setAttribute(key, total);
    }
  }

  /** A model call ending inside an agent: its counts go to the enclosing agents' totals. */
  private void addToAgentTotals() {
    // Ended, so read without the lock. An operation set after the start wins over the template's,
    // as in value(); the template's answer was decided once, when it was made.
    Object operation = setValue(SemanticAttributes.GEN_AI_OPERATION_NAME);
    if (operation != null ? SpanTemplate.isModelCallOperation(operation) : template.isModelCall()) {
      agentUsage.add(
          value(SemanticAttributes.GEN_AI_USAGE_INPUT_TOKENS),
          value(SemanticAttributes.GEN_AI_USAGE_OUTPUT_TOKENS));
    }
  }

  /**
   * The current value of {@code key}: set on the span, else from the start. Without the lock once
   * the span has ended, as when a model call's tokens go to its agent's totals.
   */
  private Object value(AttributeKey<?> key) {
    if (endState == ENDED) {
      return currentValue(key);
    }
    synchronized (this) {
      return currentValue(key);
    }
  }

  /** {@link #value}, under the lock or once ended. */
  private Object currentValue(AttributeKey<?> key) {
    for (int i = 0; i < attributeCount; i++) {
      if (keyAt(i).name().equals(key.name())) {
        return valueAt(i);
      }
    }
    return initialAttributes().get(key.name());
  }

  @Override
  public String name() {
    return template.name();
  }

  @Override
  public SpanKind kind() {
    return template.kind();
  }

  /**
   * The parent's context as this span saw it when it started: its ids, sampled and random flags,
   * whether it was remote, and the trace state; made on every call.
   */
  @Override
  public SpanContext parentSpanContext() {
    if (parentSpanId == 0) {
      return SpanContext.invalid();
    }
    byte parentFlags =
        (byte)
            ((flags & SpanContext.FLAG_RANDOM)
                | ((traits & PARENT_SAMPLED) != 0 ? SpanContext.FLAG_SAMPLED : 0));
    return (traits & PARENT_REMOTE) != 0
        ? SpanContext.createFromRemoteParent(
            traceIdHigh, traceIdLow, parentSpanId, parentFlags, traceState())
        : SpanContext.create(traceIdHigh, traceIdLow, parentSpanId, parentFlags, traceState());
  }

  @Override
  public long startEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public long endEpochNanos() {
    if (endState == ENDED) {
      return startEpochNanos + durationNanos;
    }
    synchronized (this) {
      return durationNanos == NOT_ENDED ? 0 : startEpochNanos + durationNanos;
    }
  }

  @Override
  public long durationNanos() {
    if (endState == ENDED) {
      return durationNanos;
    }
    synchronized (this) {
      return durationNanos == NOT_ENDED ? 0 : durationNanos;
    }
  }

  @Override
  public Attributes attributes() {
    if (endState == ENDED) {
      return mergedAttributes();
    }
    synchronized (this) {
      return mergedAttributes();
    }
  }

  /** The attributes from the start, then those set since; under the lock or once ended. */
  private Attributes mergedAttributes() {
    if (attributeCount == 0) {
      return initialAttributes();
    }
    Attributes.Builder builder =
        Attributes.builder(initialAttributes().size() + attributeCount).putAll(initialAttributes());
    for (int i = 0; i < attributeCount; i++) {
      putUnchecked(builder, keyAt(i), valueAt(i));
    }
    return builder.build();
  }

  /**
   * Reads one attribute without copying the attributes, and once the span has ended without the
   * lock: metrics read several attributes of every ended span this way.
   */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T attribute(AttributeKey<T> key) {
    Object set;
    if (endState == ENDED) {
      set = setValue(key);
    } else {
      synchronized (this) {
        set = setValue(key);
      }
    }
    return set != null ? (T) set : initialAttributes().get(key);
  }

  /** The value set on the span (not from the start) for {@code key}, or null. */
  private Object setValue(AttributeKey<?> key) {
    for (int i = 0; i < attributeCount; i++) {
      if (keyAt(i).equals(key)) {
        return valueAt(i);
      }
    }
    return null;
  }

  /**
   * The holder of links, events, the error description and the trace state, made when first needed;
   * under the lock.
   */
  private Rare rare() {
    Rare extra = rare;
    if (extra == null) {
      extra = new Rare(List.of(), TraceState.empty());
      rare = extra;
    }
    return extra;
  }

  /**
   * Passes the attributes in the order of {@link #attributes()} without merging them into a copy:
   * those from the start (with the value set later where a key was set again), then the others set
   * since.
   */
  @Override
  public void forEachAttribute(AttributeVisitor visitor) {
    if (endState == ENDED) {
      visitAttributes(visitor);
    } else {
      synchronized (this) {
        visitAttributes(visitor);
      }
    }
  }

  private void visitAttributes(AttributeVisitor visitor) {
    int count = attributeCount;
    Attributes initial = initialAttributes();
    if (!replacesAnInitialAttribute(initial, count)) {
      // The common case: the template's attributes, then those set at run time.
      initial.forEachAttribute(visitor);
      for (int i = 0; i < count; i++) {
        visitSet(visitor, i);
      }
      return;
    }
    for (int k = 0; k < initial.size(); k++) {
      AttributeKey<?> key = initial.keyAt(k);
      int set = indexSetAtRunTime(key.name(), count);
      if (set < 0) {
        visitor.visit(key, initial.valueAt(k));
      } else {
        visitSet(visitor, set);
      }
    }
    for (int i = 0; i < count; i++) {
      if (initial.get(keyAt(i).name()) == null) {
        visitSet(visitor, i);
      }
    }
  }

  /** Whether one of the first {@code count} attributes set at run time has a key of the start's. */
  private boolean replacesAnInitialAttribute(Attributes initial, int count) {
    for (int i = 0; i < count; i++) {
      if (initial.get(keyAt(i).name()) != null) {
        return true;
      }
    }
    return false;
  }

  private int indexSetAtRunTime(String name, int count) {
    for (int i = 0; i < count; i++) {
      if (keyAt(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private void visitSet(AttributeVisitor visitor, int i) {
    if (i == 0 && firstValue == UNBOXED_LONG) {
      visitor.visitLong(firstKey, firstLong);
    } else {
      visitor.visit(keyAt(i), valueAt(i));
    }
  }

  /** The key of the {@code i}th attribute set after the start. */
  private AttributeKey<?> keyAt(int i) {
    return i == 0 ? firstKey : (AttributeKey<?>) moreAttributes[2 * i - 2];
  }

  /** The value of the {@code i}th attribute set after the start. */
  private Object valueAt(int i) {
    if (i == 0) {
      return firstValue == UNBOXED_LONG ? Long.valueOf(firstLong) : firstValue;
    }
    return moreAttributes[2 * i - 1];
  }

  /** Sets the {@code i}th attribute; the array has room for it. */
  private void setAt(int i, AttributeKey<?> key, Object value) {
    if (i == 0) {
      firstKey = key;
      firstValue = value;
    } else {
      moreAttributes[2 * i - 2] = key;
      moreAttributes[2 * i - 1] = value;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void putUnchecked(
      Attributes.Builder builder, AttributeKey<T> key, Object value) {
    builder.put(key, (T) value);
  }

  @Override
  public List<SpanEvent> events() {
    if (endState == ENDED) {
      return eventsCopy();
    }
    synchronized (this) {
      return eventsCopy();
    }
  }

  private List<SpanEvent> eventsCopy() {
    List<SpanEvent> events = rare == null ? null : rare.events;
    return events == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(events));
  }

  @Override
  public List<SpanLink> links() {
    Rare extra = rare;
    return extra == null ? List.of() : extra.links;
  }

  @Override
  public StatusCode statusCode() {
    if (endState == ENDED) {
      return STATUS_CODES[status];
    }
    synchronized (this) {
      return STATUS_CODES[status];
    }
  }

  @Override
  public String statusDescription() {
    if (endState == ENDED) {
      return rare == null ? null : rare.statusDescription;
    }
    synchronized (this) {
      return rare == null ? null : rare.statusDescription;
    }
  }

  @Override
  public boolean hasEnded() {
    return endState == ENDED;
  }

  /**
   * Counts what this span holds by itself: the attributes set after the start, those of its
   * template when a span builder made it for this span (a template passed to {@code startSpan} is
   * shared), events, links and the error description; without allocating.
   */
  @Override
  public long approximateSize() {
    if (endState == ENDED) {
      return ownSize();
    }
    synchronized (this) {
      return ownSize();
    }
  }

  private long ownSize() {
    long size = ApproximateSize.SPAN;
    if ((traits & TEMPLATE_OWNED) != 0) {
      size += ApproximateSize.ofAttributes(template.attributes());
    }
    if (attributeCount > 0) {
      size += firstValue == UNBOXED_LONG ? 0 : ApproximateSize.ofValue(firstValue);
      for (int i = 1; i < attributeCount; i++) {
        size += ApproximateSize.ofValue(moreAttributes[2 * i - 1]);
      }
    }
    Rare extra = rare;
    if (extra != null) {
      size += ApproximateSize.ofLinks(extra.links);
      if (extra.events != null) {
        size += ApproximateSize.ofEvents(extra.events);
      }
      if (extra.statusDescription != null) {
        size += ApproximateSize.ofValue(extra.statusDescription);
      }
    }
    return size;
  }

  @Override
  public Resource resource() {
    return tracer.resource();
  }

  @Override
  public String toString() {
    return "RecordingSpan{" + template.name() + ", " + spanContext() + '}';
  }

  /** What few spans have: links (fixed at the start), events and an error description. */
  private static final class Rare {
    final List<SpanLink> links;
    final TraceState traceState;
    List<SpanEvent> events;
    String statusDescription;

    Rare(List<SpanLink> links, TraceState traceState) {
      this.links = links;
      this.traceState = traceState;
    }
  }
}
