package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.STREAMING_CALL;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.agenttrace.processor.HandlerModel.HandlerMethod;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The nested classes of a proxy that wrap the streaming handlers its traced methods receive: one
 * per handler type (and token settings). Each forwards every method of the handler, each overload
 * to the same overload, to the caller's handler, on the calling thread, after noting on the call's
 * {@code StreamingCall} what it says about the stream. Named {@code TracedHandler} (then {@code
 * TracedHandler2}...), short enough for generated lines to stay under 100 columns; the javadoc
 * names the handler.
 */
final class HandlerWrappers {
  private static final String HANDLER = "handler";
  private static final String CALL = "call";

  private final Map<String, HandlerModel> models = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  /**
   * @param taken names of the proxy's other members, which a class name must not reuse
   */
  HandlerWrappers(List<ProxyMethod> methods, Set<String> taken) {
    Set<String> used = new HashSet<>(taken);
    for (ProxyMethod method : methods) {
      if (method.handler() == null) {
        continue;
      }
      HandlerModel model = method.handler().model();
      if (models.putIfAbsent(model.key(), model) == null) {
        String base = "TracedHandler";
        String name = base;
        for (int suffix = 2; !used.add(name); suffix++) {
          name = base + suffix;
        }
        names.put(model.key(), name);
      }
    }
  }

  /** The class name for each handler, by {@link HandlerModel#key()}. */
  Map<String, String> names() {
    return names;
  }

  /** The wrapper classes, written with {@code methods}. */
  List<TypeSpec> write(MethodWriter methods) {
    return models.entrySet().stream()
        .map(entry -> write(names.get(entry.getKey()), entry.getValue(), methods))
        .toList();
  }

  private static TypeSpec write(String name, HandlerModel model, MethodWriter methods) {
    TypeName handlerType = TypeNames.of(model.type());
    ClassName handlerClass = ClassName.get((TypeElement) model.type().asElement());
    TypeSpec.Builder wrapper =
        TypeSpec.classBuilder(name)
            .addJavadoc(
                "Passes every call on to the caller's\n{@link $T},\nfollowing the stream with the"
                    + " span of the call that received it.\n",
                handlerClass)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addSuperinterface(handlerType)
            .addField(handlerType, HANDLER, Modifier.PRIVATE, Modifier.FINAL)
            .addField(STREAMING_CALL, CALL, Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(handlerType, HANDLER)
                    .addParameter(STREAMING_CALL, CALL)
                    .addStatement(InlineFormat.of("this.$N = $N", HANDLER, HANDLER))
                    .addStatement(InlineFormat.of("this.$N = $N", CALL, CALL))
                    .build());
    for (HandlerMethod method : model.methods()) {
      wrapper.addMethod(methods.writeHandlerMethod(method, HANDLER, CALL));
    }
    return wrapper.build();
  }
}
