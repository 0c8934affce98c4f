package dev.agenttrace.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The static final constants of one proxy: one field per distinct value, so that overloads sharing
 * a span template (the five {@code chat} methods of a model interface) share one constant. A field
 * is named after the first method that needs it; a different value wanting a taken name gets a
 * numeric suffix ({@code CHAT}, {@code CHAT_2}).
 */
final class ConstantPool {
  private final Set<String> names;
  private final Map<Value, String> nameByValue = new HashMap<>();

  /** What tells two constants apart: their type and what their initializer is made from. */
  private record Value(TypeName type, Object identity) {}

  private final List<FieldSpec> fields = new ArrayList<>();

  /**
   * @param reserved names the proxy uses for other members
   */
  ConstantPool(Collection<String> reserved) {
    this.names = new HashSet<>(reserved);
  }

  /** The name of a constant of {@code type} holding {@code initializer}, added if new. */
  String constant(TypeName type, String baseName, CodeBlock initializer) {
    return constant(type, baseName, initializer, initializer.toString());
  }

  /**
   * As {@link #constant(TypeName, String, CodeBlock)}, with the value told apart by {@code
   * identity}, an object with value equality (for initializers whose text JavaPoet cannot render
   * alone, such as those with a {@code $Z} wrapping point, and to spare rendering it).
   */
  String constant(TypeName type, String baseName, CodeBlock initializer, Object identity) {
    Value value = new Value(type, identity);
    String existing = nameByValue.get(value);
    if (existing != null) {
      return existing;
    }
    String name = baseName;
    for (int suffix = 2; !names.add(name); suffix++) {
      name = baseName + "_" + suffix;
    }
    nameByValue.put(value, name);
    fields.add(
        FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(initializer)
            .build());
    return name;
  }

  /** The fields, in the order they were first asked for. */
  List<FieldSpec> fields() {
    return List.copyOf(fields);
  }

  /** Every name taken, reserved ones included. */
  Set<String> names() {
    return Set.copyOf(names);
  }
}
