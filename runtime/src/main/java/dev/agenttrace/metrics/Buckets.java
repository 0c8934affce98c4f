package dev.agenttrace.metrics;

/**
 * The bucket layout shared by every histogram: log-linear, as in HdrHistogram. Values below 64 get
 * a bucket each (exact); each power of two above, {@code [2^e, 2^(e+1))}, is split into 64 buckets
 * of equal width {@code 2^(e-6)}. A bucket is reported by its midpoint, which lies within {@code
 * 1/128} (0.79 %) of every value in it, since a bucket's width is at most {@code 1/64} of its lower
 * bound.
 *
 * <p>Buckets come in chunks of 64, one per power of two (chunk 0 holds 0..63), so a histogram only
 * allocates the powers of two its values actually reach: at most {@value #CHUNKS} chunks cover
 * every non-negative {@code long}.
 */
final class Buckets {
  /** Buckets per chunk. */
  static final int CHUNK_SIZE = 64;

  /** Chunks needed to cover {@code [0, Long.MAX_VALUE]}. */
  static final int CHUNKS = 58;

  /** The bound on a reported value's error, relative to the true value. */
  static final double RELATIVE_ERROR = 1.0 / 128;

  private Buckets() {}

  /** The chunk of {@code value}, which must not be negative. */
  static int chunk(long value) {
    return value < CHUNK_SIZE ? 0 : 58 - Long.numberOfLeadingZeros(value);
  }

  /** The bucket of {@code value} within its {@code chunk}. */
  static int bucket(long value, int chunk) {
    return chunk == 0 ? (int) value : (int) (value >>> (chunk - 1)) & (CHUNK_SIZE - 1);
  }

  /** The smallest value of a bucket. */
  static long lowest(int chunk, int bucket) {
    return chunk == 0 ? bucket : (long) (CHUNK_SIZE + bucket) << (chunk - 1);
  }

  /** The midpoint of a bucket: the value reported for every value in it. */
  static long midpoint(int chunk, int bucket) {
    long halfWidth = chunk <= 1 ? 0 : ((1L << (chunk - 1)) - 1) >>> 1;
    return lowest(chunk, bucket) + halfWidth;
  }
}
