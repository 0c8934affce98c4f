package dev.agenttrace.processing;

import dev.agenttrace.spi.SpanData;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded queue of spans for many producers and one consumer, in a preallocated array: offering
 * never blocks, never locks and allocates nothing; when full it says so and the caller drops the
 * span.
 *
 * <p>Producers claim a slot by advancing {@code producerIndex} with a compare-and-set, then publish
 * the span into it with an ordered write. The single consumer takes spans in index order, treating
 * a claimed but not yet published slot as the end of what is available for now.
 *
 * <p>{@link #close()} sets the sign bit of {@code producerIndex}, so that every later offer fails
 * and the number of spans ever accepted is known exactly: a span is either counted in it (and will
 * be drained) or was refused (and the producer counts it as dropped).
 */
final class SpanRingBuffer {
  private final AtomicReferenceArray<SpanData> slots;
  private final int mask;
  private final long capacity;
  private static final long CLOSED = Long.MIN_VALUE;

  /** Spans ever accepted; the sign bit is set once the buffer is closed. */
  private final AtomicLong producerIndex = new AtomicLong();

  private final AtomicLong consumerIndex = new AtomicLong();

  /** A lower bound of how far producers may go before reading {@code consumerIndex} again. */
  private volatile long producerLimit;

  /** A buffer of at least {@code requestedCapacity} slots (rounded up to a power of two). */
  SpanRingBuffer(int requestedCapacity) {
    int size = Integer.highestOneBit(Math.max(2, requestedCapacity) - 1) << 1;
    this.slots = new AtomicReferenceArray<>(size);
    this.mask = size - 1;
    this.capacity = size;
    this.producerLimit = size;
  }

  /** The number of slots. */
  long capacity() {
    return capacity;
  }

  /** Adds {@code span} unless the buffer is full or closed; never blocks. */
  boolean offer(SpanData span) {
    long limit = producerLimit;
    long index;
    do {
      index = producerIndex.get();
      if (index < 0) {
        return false; // closed
      }
      if (index >= limit) {
        limit = consumerIndex.get() + capacity;
        if (index >= limit) {
          return false;
        }
        producerLimit = limit;
      }
    } while (!producerIndex.compareAndSet(index, index + 1));
    slots.lazySet((int) index & mask, span);
    return true;
  }

  /**
   * Moves up to {@code max} published spans into {@code into}, oldest first. Only the consumer
   * thread may call this.
   *
   * @return how many were moved
   */
  int drainTo(List<SpanData> into, int max) {
    long index = consumerIndex.get();
    int taken = 0;
    while (taken < max) {
      int slot = (int) index & mask;
      SpanData span = slots.get(slot);
      if (span == null) {
        break;
      }
      slots.lazySet(slot, null);
      index++;
      into.add(span);
      taken++;
    }
    if (taken > 0) {
      consumerIndex.lazySet(index); // frees the drained slots for producers, once per drain
    }
    return taken;
  }

  /**
   * Refuses every later offer. Afterwards {@link #size()} is exact: the spans accepted and not yet
   * drained, including any a producer claimed and is about to publish.
   */
  void close() {
    long index;
    do {
      index = producerIndex.get();
    } while (index >= 0 && !producerIndex.compareAndSet(index, index | CLOSED));
  }

  /** Spans claimed and not yet taken; exact when no producer is in the middle of an offer. */
  long size() {
    long consumed = consumerIndex.get();
    return Math.max(0, (producerIndex.get() & ~CLOSED) - consumed);
  }
}
