package dev.agenttrace.processor;

import static dev.agenttrace.processor.ProxyTester.assertSingleError;
import static dev.agenttrace.processor.ProxyTester.source;

import org.junit.jupiter.api.Test;

/** A request or response path that cannot be read as written is one compile error on it. */
class PathErrorsTest {
  private static final String MODEL =
      """
      package test;

      import dev.agenttrace.annotations.*;

      interface Model {
        @LlmCall(model = "m", provider = "openai",
            %s)
        %s call(%s);
      }
      """;

  private static void assertError(
      String paths, String returns, String parameters, String message, String line) {
    assertSingleError(
        source("test.Model", MODEL.formatted(paths, returns, parameters)), message, line);
  }

  @Test
  void aRequestPathMustStartWithAParameter() {
    assertError(
        "request = @RequestPaths(maxTokens = \"req.max\")",
        "String",
        "String input",
        String.format(
            Messages.UNKNOWN_PARAMETER, "request.maxTokens", "req.max", "call()", "req", "input"),
        "request = ");
  }

  @Test
  void aRequestPathMustNameExistingAccessors() {
    assertError(
        "request = @RequestPaths(maxTokens = \"input.length.value\")",
        "String",
        "String input",
        String.format(
            Messages.ARGUMENT_ACCESSOR_MISSING,
            "request.maxTokens",
            "input.length.value",
            "call()",
            "int",
            "value"),
        "request = ");
  }

  @Test
  void aRequestPathMustEndAtAValueOfTheAttributesType() {
    assertError(
        "request = @RequestPaths(temperature = \"input\")",
        "String",
        "String input",
        String.format(
            Messages.VALUE_OF_WRONG_TYPE,
            "request.temperature",
            "input",
            "parameter input",
            "java.lang.String",
            "gen_ai.request.temperature",
            "a number"),
        "request = ");
  }

  @Test
  void aRequestPathMustNotReadASensitiveParameter() {
    assertError(
        "request = @RequestPaths(seed = \"secret\")",
        "String",
        "@Sensitive long secret",
        String.format(Messages.SENSITIVE_PATH, "request.seed", "secret", "secret"),
        "request = ");
  }

  @Test
  void aResponsePathOnAVoidMethodIsAnError() {
    assertError(
        "response = @ResponsePaths(id = \"id\")",
        "void",
        "String input",
        String.format(Messages.RESULT_PATH_WITHOUT_RESULT, "call()", "void", "response.id"),
        "response = ");
  }

  @Test
  void aResponsePathMustNameExistingAccessors() {
    assertError(
        "response = @ResponsePaths(id = \"identifier\")",
        "String",
        "String input",
        String.format(
            Messages.RESULT_ACCESSOR_MISSING,
            "response.id",
            "identifier",
            "call()",
            "java.lang.String",
            "identifier"),
        "response = ");
  }

  @Test
  void finishReasonsMustBeStrings() {
    assertError(
        "response = @ResponsePaths(finishReasons = \"length\")",
        "String",
        "String input",
        String.format(
            Messages.VALUE_OF_WRONG_TYPE,
            "response.finishReasons",
            "length",
            "length()",
            "int",
            "gen_ai.response.finish_reasons",
            "strings (an Iterable or array of strings or enums, or a single one)"),
        "response = ");
  }
}
