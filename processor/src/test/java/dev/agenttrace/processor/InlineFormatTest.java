package dev.agenttrace.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link InlineFormat} and {@link BodyBuilder} write fewer JavaPoet fragments; the source they
 * render must be exactly what JavaPoet renders from the same formats.
 */
class InlineFormatTest {
  private static final ClassName SPAN = ClassName.get("dev.agenttrace", "Span");

  @Test
  void inlinedFormatsRenderAsJavaPoetRendersThem() {
    List<Object[]> cases =
        List.of(
            new Object[] {"$T $N = $N.startSpan($N)", SPAN, "span", "tracer", "CALL0"},
            new Object[] {"$N.$N($L)", "de$legate", "call$0", "id, text"},
            new Object[] {"$T.of($S, $S, $S)", SPAN, "plain", "with \"quotes\"", "two\nlines"},
            new Object[] {"$S + $S", "back\\slash", "caf\u00e9 \u2603"},
            new Object[] {"$$ $N,$W$L", "x", CodeBlock.of("$T.class", SPAN)});
    for (Object[] example : cases) {
      String format = (String) example[0];
      Object[] args = Arrays.copyOfRange(example, 1, example.length);
      assertThat(InlineFormat.of(format, args).toString())
          .isEqualTo(CodeBlock.of(format, args).toString());
    }
  }

  @Test
  void bodyBuilderRendersAsMethodSpecBuilderRendersTheSameCalls() {
    String longKey = "A_VERY_LONG_ATTRIBUTE_KEY_CONSTANT_NAME_THAT_FORCES_THE_STATEMENT_TO_WRAP";
    BodyBuilder body = new BodyBuilder();
    MethodSpec.Builder expected = MethodSpec.methodBuilder("call");
    body.addStatement("$T $N = $N.startSpan($N)", SPAN, "span", "tracer", "CALL0");
    expected.addStatement("$T $N = $N.startSpan($N)", SPAN, "span", "tracer", "CALL0");
    body.beginControlFlow("if ($N.isRecording())", "span");
    expected.beginControlFlow("if ($N.isRecording())", "span");
    body.addStatement(
        "$N.setAttribute($N,$W$N.someLongAccessorName().anotherAccessor())", "span", longKey, "p");
    expected.addStatement(
        "$N.setAttribute($N,$W$N.someLongAccessorName().anotherAccessor())", "span", longKey, "p");
    body.nextControlFlow("else");
    expected.nextControlFlow("else");
    body.addComment("Nothing to record.");
    expected.addComment("Nothing to record.");
    body.addStatement("return $S", "two\nlines");
    expected.addStatement("return $S", "two\nlines");
    body.endControlFlow();
    expected.endControlFlow();
    body.addCode(CodeBlock.builder().addStatement("$N.end()", "span").build());
    expected.addCode(CodeBlock.builder().addStatement("$N.end()", "span").build());

    String rendered = MethodSpec.methodBuilder("call").addCode(body.build()).build().toString();
    assertThat(rendered).isEqualTo(expected.build().toString());
  }
}
