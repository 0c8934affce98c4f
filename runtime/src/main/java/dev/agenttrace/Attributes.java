package dev.agenttrace;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    return new Builder(4);
  }

  /**
   * A new builder with room for {@code expectedSize} attributes: when exactly that many are put,
   * building copies nothing (span implementations merging attributes at export use it). It grows
   * past that size like any builder.
   */
  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
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

  /**
   * The key of the attribute at {@code index}, in order (from 0 to {@code size() - 1}): with {@link
   * #valueAt}, for reading without a callback or a copy.
   */
  public AttributeKey<?> keyAt(int index) {
    return (AttributeKey<?>) keysAndValues[Objects.checkIndex(index, size()) * 2];
  }

  /** The value of the attribute at {@code index}, in order (from 0 to {@code size() - 1}). */
  public Object valueAt(int index) {
    return keysAndValues[Objects.checkIndex(index, size()) * 2 + 1];
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

  /**
   * Passes each attribute to {@code visitor} in order, allocating nothing: for encoders that reuse
   * one visitor for every span.
   */
  public void forEachAttribute(AttributeVisitor visitor) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      visitor.visit((AttributeKey<?>) keysAndValues[i], keysAndValues[i + 1]);
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
    return new Builder(size()).putAll(this);
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

  /**
   * Builds {@link Attributes}. Not thread-safe. Keeps pairs in one array; {@link #build()} hands
   * that array over without copying when it is exactly full, so that a builder sized with {@link
   * Attributes#builder(int)} allocates only the array and the result.
   */
  public static final class Builder {
    private static final Object[] NONE = new Object[0];

    private Object[] keysAndValues;
    private int length;

    /** Whether {@link #keysAndValues} was handed to an {@link Attributes}: copy before changing. */
    private boolean shared;

    private Builder(int expectedSize) {
      this.keysAndValues = expectedSize <= 0 ? NONE : new Object[expectedSize * 2];
    }

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
      Object[] added = attributes.keysAndValues;
      if (length == 0 && added.length > 0) {
        // Names in an Attributes are unique: copy them in one go.
        ensureRoom(added.length);
        System.arraycopy(added, 0, keysAndValues, 0, added.length);
        length = added.length;
        return this;
      }
      attributes.forEach(this::putUnchecked);
      return this;
    }

    Builder putUnchecked(AttributeKey<?> key, Object value) {
      for (int i = 0; i < length; i += 2) {
        if (((AttributeKey<?>) keysAndValues[i]).name().equals(key.name())) {
          unshare();
          if (value == null) {
            System.arraycopy(keysAndValues, i + 2, keysAndValues, i, length - i - 2);
            keysAndValues[--length] = null;
            keysAndValues[--length] = null;
          } else {
            keysAndValues[i] = key;
            keysAndValues[i + 1] = value;
          }
          return this;
        }
      }
      if (value != null) {
        ensureRoom(2);
        keysAndValues[length++] = key;
        keysAndValues[length++] = value;
      }
      return this;
    }

    private void ensureRoom(int slots) {
      if (length + slots > keysAndValues.length) {
        keysAndValues =
            Arrays.copyOf(keysAndValues, Math.max(length + slots, keysAndValues.length * 2));
        shared = false;
      } else {
        unshare();
      }
    }

    private void unshare() {
      if (shared) {
        keysAndValues = keysAndValues.clone();
        shared = false;
      }
    }

    /** The immutable set; the builder may go on being used. */
    public Attributes build() {
      if (length == 0) {
        return EMPTY;
      }
      if (length == keysAndValues.length) {
        shared = true;
        return new Attributes(keysAndValues);
      }
      return new Attributes(Arrays.copyOf(keysAndValues, length));
    }
  }
}
