package dev.agenttrace.opentelemetry;

import dev.agenttrace.AttributeKey;
import dev.agenttrace.Attributes;
import dev.agenttrace.SpanContext;
import dev.agenttrace.SpanKind;
import dev.agenttrace.StatusCode;
import dev.agenttrace.TraceState;
import dev.agenttrace.internal.Ids;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceStateBuilder;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions between AgentTrace's and OpenTelemetry's data types, keeping types and flags. */
final class OpenTelemetryMapping {
  private OpenTelemetryMapping() {}

  static io.opentelemetry.api.trace.SpanContext toOtel(SpanContext context) {
    if (!context.isValid()) {
      return io.opentelemetry.api.trace.SpanContext.getInvalid();
    }
    TraceFlags flags = TraceFlags.fromByte(context.flags());
    io.opentelemetry.api.trace.TraceState state = toOtel(context.traceState());
    return context.isRemote()
        ? io.opentelemetry.api.trace.SpanContext.createFromRemoteParent(
            context.traceId(), context.spanId(), flags, state)
        : io.opentelemetry.api.trace.SpanContext.create(
            context.traceId(), context.spanId(), flags, state);
  }

  static SpanContext fromOtel(io.opentelemetry.api.trace.SpanContext context) {
    if (!context.isValid()) {
      return SpanContext.invalid();
    }
    String traceId = context.getTraceId();
    long high = Ids.parseHex16(traceId, 0);
    long low = Ids.parseHex16(traceId, 16);
    long spanId = Ids.parseHex16(context.getSpanId(), 0);
    byte flags = context.getTraceFlags().asByte();
    TraceState state = fromOtel(context.getTraceState());
    return context.isRemote()
        ? SpanContext.createFromRemoteParent(high, low, spanId, flags, state)
        : SpanContext.create(high, low, spanId, flags, state);
  }

  private static io.opentelemetry.api.trace.TraceState toOtel(TraceState state) {
    if (state.isEmpty()) {
      return io.opentelemetry.api.trace.TraceState.getDefault();
    }
    TraceStateBuilder builder = io.opentelemetry.api.trace.TraceState.builder();
    List<Map.Entry<String, String>> members = state.members();
    // The builder puts each new key first; add in reverse to keep the W3C order.
    for (int i = members.size() - 1; i >= 0; i--) {
      builder.put(members.get(i).getKey(), members.get(i).getValue());
    }
    return builder.build();
  }

  private static TraceState fromOtel(io.opentelemetry.api.trace.TraceState state) {
    if (state.isEmpty()) {
      return TraceState.empty();
    }
    List<Map.Entry<String, String>> members = new ArrayList<>();
    state.forEach((key, value) -> members.add(Map.entry(key, value)));
    return TraceState.of(members);
  }

  static io.opentelemetry.api.common.Attributes toOtel(Attributes attributes) {
    if (attributes.isEmpty()) {
      return io.opentelemetry.api.common.Attributes.empty();
    }
    AttributesBuilder builder = io.opentelemetry.api.common.Attributes.builder();
    attributes.forEach((key, value) -> put(builder, key, value));
    return builder.build();
  }

  private static void put(AttributesBuilder builder, AttributeKey<?> key, Object value) {
    switch (key.type()) {
      case STRING -> builder.put(key.name(), (String) value);
      case BOOLEAN -> builder.put(key.name(), (Boolean) value);
      case LONG -> builder.put(key.name(), ((Number) value).longValue());
      case DOUBLE -> builder.put(key.name(), ((Number) value).doubleValue());
      case STRING_ARRAY -> {
        List<?> list = (List<?>) value;
        builder.put(key.name(), list.stream().map(String::valueOf).toArray(String[]::new));
      }
    }
  }

  static Resource toOtel(dev.agenttrace.spi.Resource resource) {
    return Resource.create(toOtel(resource.attributes()));
  }

  static io.opentelemetry.api.trace.SpanKind toOtel(SpanKind kind) {
    return switch (kind) {
      case INTERNAL -> io.opentelemetry.api.trace.SpanKind.INTERNAL;
      case SERVER -> io.opentelemetry.api.trace.SpanKind.SERVER;
      case CLIENT -> io.opentelemetry.api.trace.SpanKind.CLIENT;
      case PRODUCER -> io.opentelemetry.api.trace.SpanKind.PRODUCER;
      case CONSUMER -> io.opentelemetry.api.trace.SpanKind.CONSUMER;
    };
  }

  static io.opentelemetry.api.trace.StatusCode toOtel(StatusCode code) {
    return switch (code) {
      case UNSET -> io.opentelemetry.api.trace.StatusCode.UNSET;
      case OK -> io.opentelemetry.api.trace.StatusCode.OK;
      case ERROR -> io.opentelemetry.api.trace.StatusCode.ERROR;
    };
  }
}
