package dev.agenttrace.processor;

import static dev.agenttrace.processor.RuntimeNames.AGENT_TRACE;
import static dev.agenttrace.processor.RuntimeNames.CONTENT_CAPTURE;
import static dev.agenttrace.processor.RuntimeNames.MESSAGE_JSON;
import static dev.agenttrace.processor.RuntimeNames.SCOPE;
import static dev.agenttrace.processor.RuntimeNames.SEMANTIC_ATTRIBUTES;
import static dev.agenttrace.processor.RuntimeNames.SPAN;
import static dev.agenttrace.processor.RuntimeNames.SPAN_TEMPLATES;
import static dev.agenttrace.processor.RuntimeNames.STREAMING_CALL;
import static dev.agenttrace.processor.RuntimeNames.TOOL_CALL_JSON;
import static dev.agenttrace.processor.RuntimeNames.TRACED_PUBLISHER;
import static dev.agenttrace.processor.RuntimeNames.TRACED_STREAMS;
import static dev.agenttrace.processor.RuntimeNames.TRACER;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.agenttrace.processor.MethodWriter.Constants;
import dev.agenttrace.processor.ProxyMethod.ResultKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The body of one traced method: no-op check first, then the span around the call, ended when the
 * method returns, when a returned {@code CompletionStage} completes, or when a stream (a handler
 * parameter, a returned {@code Flow.Publisher} or {@code Stream}) ends.
 */
final class TracedBody {
  private final ProxyMethod method;
  private final Constants constants;
  private final NameAllocator names;
  private final List<String> parameters;
  private final BodyBuilder builder;
  private final CodeBlock untracedCall;
  private final Function<String, CodeBlock> tracedCall;
  private final TypeName returnType;
  private final UsageHelpers usage;
  private final AttributeValueCode attributeValues;
  private final Streaming streaming;
  private final String span;
  private final ValueReads reads;

  /** The first {@code @SpanAttribute}'s value when it goes into {@code startSpan}, else null. */
  private final CodeBlock firstAttributeValue;

  /**
   * What a streaming body needs beyond the plain one.
   *
   * @param proxy the proxy class, for references to its token usage helpers
   * @param handlerClass the class wrapping the method's streaming handler, or null
   * @param callWithHandler the traced call with the handler argument replaced by the given code
   */
  record Streaming(
      TypeName proxy, String handlerClass, Function<CodeBlock, CodeBlock> callWithHandler) {}

  /**
   * @param untracedCall the call when tracing is off
   * @param tracedCall the call inside the span, given the span's local name
   * @param returnType the declared return type
   */
  TracedBody(
      ProxyMethod method,
      Constants constants,
      NameAllocator names,
      List<String> parameters,
      BodyBuilder builder,
      CodeBlock untracedCall,
      Function<String, CodeBlock> tracedCall,
      TypeName returnType,
      UsageHelpers usage,
      AttributeValueCode attributeValues,
      Streaming streaming) {
    this.method = method;
    this.constants = constants;
    this.names = names;
    this.parameters = parameters;
    this.builder = builder;
    this.untracedCall = untracedCall;
    this.tracedCall = tracedCall;
    this.returnType = returnType;
    this.usage = usage;
    this.attributeValues = attributeValues;
    this.streaming = streaming;
    this.span = MethodWriter.local(names, "span");
    this.reads = new ValueReads(names);
    this.firstAttributeValue =
        method.attributes().isEmpty()
            ? null
            : attributeValues.atStart(
                method.attributes().get(0), parameters.get(method.attributes().get(0).index()));
  }

  void write() {
    String tracer = MethodWriter.local(names, "tracer");
    builder.addStatement("$T $N = $T.tracer()", TRACER, tracer, AGENT_TRACE);
    builder.beginControlFlow("if (!$N.isEnabled())", tracer);
    if (method.result() == ResultKind.VOID) {
      builder.addStatement("$L", untracedCall).addStatement("return");
    } else {
      builder.addStatement("return $L", untracedCall);
    }
    builder.endControlFlow();
    startSpan(tracer);
    List<CodeBlock> start = startAttributes();
    CodeBlock genAiStart = genAiStart();
    if (!start.isEmpty() || !genAiStart.isEmpty()) {
      builder.beginControlFlow("if ($N.isRecording())", span);
      start.forEach(builder::addStatement);
      builder.addCode(genAiStart);
      builder.endControlFlow();
    }
    if (method.handler() != null) {
      writeHandled();
    } else if (method.result() == ResultKind.ASYNC) {
      writeAsync();
    } else if (method.isStreaming()) {
      writeStreamed();
    } else {
      writeSync();
    }
  }

  /**
   * Starts the span from the method's template, or, when the model is read from an argument, from a
   * copy named after it, so that samplers see the model.
   */
  private void startSpan(String tracer) {
    GenAiReads genAi = method.genAi();
    CodeBlock firstAttribute = firstAttributeAtStart();
    if (genAi == null || genAi.requestModel() == null) {
      builder.addStatement(
          "$T $N = $N.startSpan($N$L)", SPAN, span, tracer, constants.template(), firstAttribute);
      return;
    }
    ValuePath path = genAi.requestModel();
    String model = MethodWriter.local(names, "model");
    builder.addStatement("$T $N = null", String.class, model);
    builder.addCode(
        reads.read(
            path,
            parameters.get(path.parameterIndex()),
            value -> InlineFormat.of("$N = $L", model, value)));
    builder.addStatement(
        "$T $N =$W$N.startSpan($T.withRequestModel($N, $S, $N)$L)",
        SPAN,
        span,
        tracer,
        SPAN_TEMPLATES,
        constants.template(),
        method.span().genAiOperation(),
        model,
        firstAttribute);
  }

  /**
   * The first {@code @SpanAttribute} as the extra arguments of {@code startSpan} (", KEY, value"),
   * when its value is free to compute: the tracer then sets it without a lock or a second call.
   * Empty otherwise, and the attribute is set with the others once the span records.
   */
  private CodeBlock firstAttributeAtStart() {
    if (firstAttributeValue == null) {
      return CodeBlock.builder().build();
    }
    return InlineFormat.of(",$W$N,$W$L", constants.attributeKeys().get(0), firstAttributeValue);
  }

  /** GenAI values read from the arguments, and the input messages, when the span starts. */
  private CodeBlock genAiStart() {
    GenAiReads genAi = method.genAi();
    CodeBlock.Builder code = CodeBlock.builder();
    if (genAi == null) {
      return code.build();
    }
    for (ValuePath path : genAi.request()) {
      code.add(reads.record(path, parameters.get(path.parameterIndex()), span));
    }
    if (genAi.messages() != null && !genAi.messages().inputs().isEmpty()) {
      CodeBlock values =
          genAi.messages().inputs().stream()
              .map(index -> InlineFormat.of("$N", parameters.get(index)))
              .collect(CodeBlock.joining(", "));
      code.beginControlFlow("if ($T.isEnabled())", CONTENT_CAPTURE)
          .addStatement(
              InlineFormat.of(
                  "$T.recordInput($N,$Wnew $T[] {$L})", MESSAGE_JSON, span, Object.class, values))
          .endControlFlow();
    }
    return code.build();
  }

  /**
   * A call completing through a handler parameter: the traced code gets a handler of the proxy's
   * that follows the stream; the span ends when it hears the end (or at once, without a handler or
   * when the span does not record, which needs no following).
   */
  private void writeHandled() {
    String call = MethodWriter.local(names, "call");
    String result = MethodWriter.local(names, "result");
    String error = MethodWriter.local(names, "e");
    String handler = parameters.get(method.handler().index());
    boolean returnsVoid = method.result() == ResultKind.VOID;
    builder.addStatement(
        "$T $N = $N == null || !$N.isRecording()$W? null$W: $T.start($N)",
        STREAMING_CALL,
        call,
        handler,
        span,
        STREAMING_CALL,
        span);
    CodeBlock traced =
        streaming
            .callWithHandler()
            .apply(
                InlineFormat.of(
                    "$N == null$W? $N$W: new $N($N, $N)",
                    call,
                    handler,
                    streaming.handlerClass(),
                    handler,
                    call));
    if (!returnsVoid) {
      builder.addStatement("$T $N", returnType, result);
    }
    openScopedTry(
        returnsVoid ? InlineFormat.of("$L", traced) : InlineFormat.of("$N = $L", result, traced));
    builder.nextControlFlow("catch ($T $N)", Throwable.class, error);
    builder.beginControlFlow("if ($N == null)", call);
    builder.addStatement("$N.recordError($N)", span, error);
    builder.addStatement("$N.end()", span);
    builder.nextControlFlow("else");
    builder.addStatement("$N.fail($N)", call, error);
    builder.endControlFlow();
    builder.addStatement("throw $N", error);
    builder.endControlFlow();
    builder.beginControlFlow("if ($N == null)", call);
    builder.addStatement("$N.end()", span);
    builder.endControlFlow();
    if (!returnsVoid) {
      builder.addStatement("return $N", result);
    }
  }

  /**
   * A returned {@code Flow.Publisher} or {@code Stream}: the caller gets one that forwards the same
   * signals while the span follows them to the end.
   */
  private void writeStreamed() {
    String result = MethodWriter.local(names, "result");
    callEndingTheSpanOnFailure(result);
    builder.beginControlFlow("if ($N == null || !$N.isRecording())", result, span);
    builder.addStatement("$N.end()", span);
    builder.addStatement("return $N", result);
    builder.endControlFlow();
    builder.addComment("The span ends with the stream; the caller gets the same elements.");
    CodeBlock recorder =
        method.resultReads() == null
            ? CodeBlock.of("null")
            : InlineFormat.of("$T::$N", streaming.proxy(), usage.helperFor(method.resultReads()));
    builder.addStatement(
        "return $T.wrap($N,$W$T.start($N),$W$L)",
        method.result() == ResultKind.PUBLISHER ? TRACED_PUBLISHER : TRACED_STREAMS,
        result,
        STREAMING_CALL,
        span,
        recorder);
  }

  /**
   * Declares {@code result} and assigns it the call, made inside the span's scope; a call that
   * throws records the error, ends the span and rethrows the same exception.
   */
  private void callEndingTheSpanOnFailure(String result) {
    String error = MethodWriter.local(names, "e");
    builder.addStatement("$T $N", returnType, result);
    openScopedTry(InlineFormat.of("$N = $L", result, tracedCall.apply(span)));
    builder.nextControlFlow("catch ($T $N)", Throwable.class, error);
    builder.addStatement("$N.recordError($N)", span, error);
    builder.addStatement("$N.end()", span);
    builder.addStatement("throw $N", error);
    builder.endControlFlow();
  }

  /**
   * Opens {@code try { Scope scope = span.makeCurrent(); try { statement; } finally { close } }},
   * leaving the outer try open for its catch: as on every path, the scope closes before the span
   * ends.
   */
  private void openScopedTry(CodeBlock statement) {
    String scope = MethodWriter.local(names, "scope");
    builder.beginControlFlow("try");
    builder.addStatement("$T $N = $N.makeCurrent()", SCOPE, scope, span);
    builder.beginControlFlow("try");
    builder.addStatement("$L", statement);
    builder.nextControlFlow("finally");
    builder.addStatement("$N.close()", scope);
    builder.endControlFlow();
  }

  private void writeSync() {
    boolean returnsVoid = method.result() == ResultKind.VOID;
    String scope = MethodWriter.local(names, "scope");
    String result = MethodWriter.local(names, "result");
    String error = MethodWriter.local(names, "e");
    builder.addStatement("$T $N = $N.makeCurrent()", SCOPE, scope, span);
    builder.beginControlFlow("try");
    if (returnsVoid) {
      builder.addStatement("$L", tracedCall.apply(span));
    } else {
      builder.addStatement("$T $N = $L", returnType, result, tracedCall.apply(span));
      builder.addCode(resultAttributes(result));
      builder.addStatement("return $N", result);
    }
    builder.nextControlFlow("catch ($T $N)", Throwable.class, error);
    builder.addStatement("$N.recordError($N)", span, error);
    builder.addStatement("throw $N", error);
    builder.nextControlFlow("finally");
    builder.addStatement("$N.close()", scope);
    builder.addStatement("$N.end()", span);
    builder.endControlFlow();
  }

  private void writeAsync() {
    String result = MethodWriter.local(names, "result");
    callEndingTheSpanOnFailure(result);
    String rejected = MethodWriter.local(names, "rejected");
    String value = MethodWriter.local(names, "value");
    String failure = MethodWriter.local(names, "failure");
    builder.beginControlFlow("if ($N == null)", result);
    builder.addStatement("$N.end()", span);
    builder.addStatement("return $N", result);
    builder.endControlFlow();
    builder.addComment("The span ends when the stage completes; the caller gets the same stage.");
    builder.beginControlFlow("try");
    builder.addCode("$N.whenComplete(($N, $N) -> {\n$>", result, value, failure);
    CodeBlock onValue = resultAttributes(value);
    if (onValue.isEmpty()) {
      builder.beginControlFlow("if ($N != null)", failure);
    } else {
      builder.beginControlFlow("if ($N == null)", failure);
      builder.addCode(onValue);
      builder.nextControlFlow("else");
    }
    builder.addStatement(
        "$N.recordError($N instanceof $T && $N.getCause() != null$W? $N.getCause()$W: $N)",
        span,
        failure,
        CompletionException.class,
        failure,
        failure,
        failure);
    builder.endControlFlow();
    builder.addStatement("$N.end()", span);
    builder.addCode("$<});\n");
    builder.nextControlFlow("catch ($T $N)", RuntimeException.class, rejected);
    builder.addComment("A stage that refuses callbacks is returned as it is, untraced.");
    builder.addStatement("$N.end()", span);
    builder.endControlFlow();
    builder.addStatement("return $N", result);
  }

  /** Parameter attributes and captured arguments, recorded when the span starts. */
  private List<CodeBlock> startAttributes() {
    List<CodeBlock> statements = new ArrayList<>();
    for (int i = firstAttributeValue != null ? 1 : 0; i < method.attributes().size(); i++) {
      ParameterAttribute attribute = method.attributes().get(i);
      statements.add(
          InlineFormat.of(
              "$N.setAttribute($N,$W$L)",
              span,
              constants.attributeKeys().get(i),
              attributeValues.of(attribute, parameters.get(attribute.index()))));
    }
    if (constants.argumentNames() != null) {
      CodeBlock values =
          method.capture().argumentIndexes().stream()
              .map(index -> InlineFormat.of("$N", parameters.get(index)))
              .collect(CodeBlock.joining(", "));
      statements.add(
          InlineFormat.of(
              "$N.setAttribute($T.GEN_AI_TOOL_CALL_ARGUMENTS,$W$T.arguments($N,$Wnew $T[] {$L}))",
              span,
              SEMANTIC_ATTRIBUTES,
              TOOL_CALL_JSON,
              constants.argumentNames(),
              Object.class,
              values));
    }
    return statements;
  }

  /**
   * The captured result, the response values (token usage, id, model, finish reasons) and the
   * output messages, read from {@code value} when the call succeeded.
   */
  private CodeBlock resultAttributes(String value) {
    CodeBlock.Builder code = CodeBlock.builder();
    GenAiReads genAi = method.genAi();
    boolean captureResult = method.capture() != null && method.capture().result();
    boolean output = genAi != null && genAi.messages() != null && genAi.messages().output();
    if (captureResult || output) {
      code.beginControlFlow("if ($N.isRecording())", span);
      if (captureResult) {
        code.addStatement(
            InlineFormat.of(
                "$N.setAttribute($T.GEN_AI_TOOL_CALL_RESULT,$W$T.result($N))",
                span,
                SEMANTIC_ATTRIBUTES,
                TOOL_CALL_JSON,
                value));
      }
      if (output) {
        code.beginControlFlow("if ($T.isEnabled())", CONTENT_CAPTURE)
            .addStatement(InlineFormat.of("$T.recordOutput($N, $N)", MESSAGE_JSON, span, value))
            .endControlFlow();
      }
      code.endControlFlow();
    }
    if (method.resultReads() != null) {
      code.addStatement(
          InlineFormat.of("$N($N, $N)", usage.helperFor(method.resultReads()), span, value));
    }
    return code.build();
  }
}
