package dev.agenttrace.benchmarks;

/** The implementation behind every variant: cheap, but not foldable by the JIT. */
public final class DirectOrderLookup implements OrderLookup {
  @Override
  public int lookup(int orderId) {
    return orderId * 31 + 7;
  }
}
