package dev.agenttrace.internal.json;

/** Malformed JSON: says what was wrong and where. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  JsonException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** The character offset in the input where the problem was found. */
  public int offset() {
    return offset;
  }
}
