package dev.agenttrace;

/** The scope of nothing: closing it does nothing. */
enum NoopScope implements Scope {
  INSTANCE;

  @Override
  public void close() {}
}
