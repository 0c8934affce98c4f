package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered set of attributes: each key at most once, in the order first set, a later
 * value for the same key name replacing the earlier one.
 *
 * <p>Immutable so that a proxy's constant attributes can be shared by every span it starts, and so
 * that exported data cannot change under an exporter.
 */
public final class Attributes {
  private static final Attributes EMPTY = new Attributes(new Object[0]);

  /** Alternating keys and values: {@code [key0, value0, key1, value1, ...]}. */
  private final Object[] keysAndValues;

  private Attributes(Object[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /** The empty set. */
  public static Attributes empty() {
    return EMPTY;
  }

  /** A set of one attribute. */
  public static <T> Attributes of(AttributeKey<T> key, T value) {
    return builder().put(key, value).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value for {@code key}, or {@code null} when absent. */
  @SuppressWarnings("unchecked")
  public <T> T get(AttributeKey<T> key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return (T) keysAndValues[i + 1];
      }
    }
    return null;
  }

  /** The value stored under the key named {@code name}, whatever its type, or {@code null}. */
  public Object get(String name) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (((AttributeKey<?>) keysAndValues[i]).name().equals(name)) {
        return keysAndValues[i + 1];
      }
    }
    return null;
  }

  /** The number of attributes. */
  public int size() {
    return keysAndValues.length / 2;
  }

  /** Whether there are no attributes. */
  public boolean isEmpty() {
    return keysAndValues.length == 0;
  }

  /** The keys, in order. */
  public List<AttributeKey<?>> keys() {
    List<AttributeKey<?>> keys = new ArrayList<>(size());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      keys.add((AttributeKey<?>) keysAndValues[i]);
    }
    return keys;
  }

  /** Calls {@code action} for each attribute, in order. */
  public void forEach(BiConsumer<AttributeKey<?>, Object> action) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      action.accept((AttributeKey<?>) keysAndValues[i], keysAndValues[i + 1]);
    }
  }

  /** The attributes as an ordered map from key name to value. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    forEach((key, value) -> map.put(key.name(), value));
    return Collections.unmodifiableMap(map);
  }

  /** A builder holding these attributes, to derive a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      builder.putUnchecked((AttributeKey<?>) keysAndValues[i], keysAndValues[i + 1]);
    }
    return builder;
  }

  /**
   * Equal when both hold the same key names with equal values, in any order (as {@link #asMap}).
   */
  @Override
  public boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof Attributes that) || that.size() != size()) {
      return false;
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String name = ((AttributeKey<?>) keysAndValues[i]).name();
      if (!keysAndValues[i + 1].equals(that.get(name))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The hash code of {@link #asMap()}, computed without building the map: exporters that key caches
   * by attributes (a resource per batch, say) pay nothing per call.
   */
  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < keysAndValues.length; i += 2) {
      hash +=
          ((AttributeKey<?>) keysAndValues[i]).name().hashCode() ^ keysAndValues[i + 1].hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  /** Builds {@link Attributes}. Not thread-safe. */
  public static final class Builder {
    private final List<Object> keysAndValues = new ArrayList<>();

    private Builder() {}

    /** Sets {@code key} to {@code value}; a {@code null} value removes the key. */
    public <T> Builder put(AttributeKey<T> key, T value) {
      requireNonNull(key, "key");
      return putUnchecked(key, value);
    }

    /** Sets a string attribute. */
    public Builder put(String key, String value) {
      return put(AttributeKey.stringKey(key), value);
    }

    /** Sets a long attribute. */
    public Builder put(String key, long value) {
      return put(AttributeKey.longKey(key), value);
    }

    /** Sets a double attribute. */
    public Builder put(String key, double value) {
      return put(AttributeKey.doubleKey(key), value);
    }

    /** Sets a boolean attribute. */
    public Builder put(String key, boolean value) {
      return put(AttributeKey.booleanKey(key), value);
    }

    /** Adds every attribute of {@code attributes}, replacing values of the same key names. */
    public Builder putAll(Attributes attributes) {
      attributes.forEach(this::putUnchecked);
      return this;
    }

    Builder putUnchecked(AttributeKey<?> key, Object value) {
      for (int i = 0; i < keysAndValues.size(); i += 2) {
        if (((AttributeKey<?>) keysAndValues.get(i)).name().equals(key.name())) {
          if (value == null) {
            keysAndValues.remove(i + 1);
            keysAndValues.remove(i);
          } else {
            keysAndValues.set(i, key);
            keysAndValues.set(i + 1, value);
          }
          return this;
        }
      }
      if (value != null) {
        keysAndValues.add(key);
        keysAndValues.add(value);
      }
      return this;
    }

    /** The immutable set. */
    public Attributes build() {
      return keysAndValues.isEmpty() ? EMPTY : new Attributes(keysAndValues.toArray());
    }
  }
}
