package dev.agenttrace;

import static java.util.Objects.requireNonNull;

/**
 * A reference from a span to another span that is not its parent, for example from an agent run
 * that handles a batch to the span of each request in the batch.
 *
 * @param spanContext the linked span
 * @param attributes what the link means
 */
public record SpanLink(SpanContext spanContext, Attributes attributes) {
  public SpanLink {
    requireNonNull(spanContext, "spanContext");
    requireNonNull(attributes, "attributes");
  }

  /** A link without attributes. */
  public static SpanLink to(SpanContext spanContext) {
    return new SpanLink(spanContext, Attributes.empty());
  }
}
