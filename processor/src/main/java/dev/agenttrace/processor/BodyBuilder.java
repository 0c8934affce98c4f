package dev.agenttrace.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A method body collected as one JavaPoet format, with the methods of {@code MethodSpec.Builder}
 * that bodies use, rendering exactly as they would: names and plain strings are written into the
 * format ({@link InlineFormat}), and consecutive statements without wrapping points share one text
 * fragment. JavaPoet's writer costs a regular-expression split per fragment and file pass, the
 * largest single cost in the processor's profile; statement by statement through {@code
 * MethodSpec.Builder}, a traced body was about four fragments per statement.
 */
final class BodyBuilder {
  private final StringBuilder format = new StringBuilder(1024);
  private final List<Object> args = new ArrayList<>();
  private final StringBuilder statement = new StringBuilder(128);
  private final List<Object> statementArgs = new ArrayList<>();

  BodyBuilder addStatement(String format, Object... args) {
    statement.setLength(0);
    statementArgs.clear();
    InlineFormat.append(statement, statementArgs, format, args);
    // JavaPoet's statement markers only matter for a statement that can span lines: one with a
    // wrapping point, a line break, or code or a string JavaPoet still has to write.
    boolean canSpanLines =
        statement.indexOf("\n") >= 0
            || statement.indexOf("$W") >= 0
            || statement.indexOf("$Z") >= 0
            || statement.indexOf("$L") >= 0
            || statement.indexOf("$S") >= 0;
    if (canSpanLines) {
      this.format.append("$[");
    }
    this.format.append(statement).append(";\n");
    if (canSpanLines) {
      this.format.append("$]");
    }
    this.args.addAll(statementArgs);
    return this;
  }

  BodyBuilder addStatement(CodeBlock code) {
    return addStatement("$L", code);
  }

  BodyBuilder beginControlFlow(String controlFlow, Object... args) {
    InlineFormat.append(format, this.args, controlFlow, args);
    format.append(" {\n$>");
    return this;
  }

  BodyBuilder nextControlFlow(String controlFlow, Object... args) {
    format.append("$<} ");
    InlineFormat.append(format, this.args, controlFlow, args);
    format.append(" {\n$>");
    return this;
  }

  BodyBuilder endControlFlow() {
    format.append("$<}\n");
    return this;
  }

  BodyBuilder addComment(String comment) {
    format.append("// ");
    InlineFormat.append(format, args, comment);
    format.append('\n');
    return this;
  }

  BodyBuilder addCode(String code, Object... args) {
    InlineFormat.append(format, this.args, code, args);
    return this;
  }

  BodyBuilder addCode(CodeBlock code) {
    if (!code.isEmpty()) {
      format.append("$L");
      args.add(code);
    }
    return this;
  }

  CodeBlock build() {
    return CodeBlock.of(format.toString(), args.toArray());
  }
}
