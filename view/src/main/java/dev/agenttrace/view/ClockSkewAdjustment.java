package dev.agenttrace.view;

/**
 * A span that was moved into its parent's time because the two services' clocks disagree. Only the
 * span where the move starts is reported; its descendants from the same service move with it.
 *
 * @param spanId the moved span
 * @param spanName its name
 * @param serviceName the service that recorded it (whose clock is off)
 * @param parentServiceName the service of its parent (whose clock it was aligned to)
 * @param shiftNanos how far the span and its same-service descendants were moved (positive: later)
 */
public record ClockSkewAdjustment(
    String spanId, String spanName, String serviceName, String parentServiceName, long shiftNanos) {

  /** One line for people, e.g. {@code clock skew: moved "chat" [llm-gateway] 1.50 s later}. */
  public String describe() {
    return "clock skew: moved \""
        + spanName
        + "\" ["
        + serviceName
        + "] "
        + Durations.format(Math.abs(shiftNanos))
        + (shiftNanos > 0 ? " later" : " earlier")
        + " to fit its parent from ["
        + parentServiceName
        + "]";
  }
}
