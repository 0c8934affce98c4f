package dev.agenttrace.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Ids that vary from call to call, as in real traffic (and past the boxing cache of small longs, so
 * attribute values cost what they cost in production). One sequence per benchmark thread.
 */
@State(Scope.Thread)
public class CallIds {
  private int next;

  int nextId() {
    next = (next + 1) & 1023;
    return next;
  }
}
