package dev.agenttrace.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.Tracer;
import dev.langchain4j.model.chat.ChatModel;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * A user of LangChain4j's models alone has {@code langchain4j-core} but not the {@code langchain4j}
 * artifact (AI services, tools): the model wrappers must load and work on that class path.
 */
class CoreOnlyClassPathTest {
  private static URL whereIs(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  private static ClassLoader coreOnly() {
    List<URL> path =
        List.of(
            whereIs(AgentTraceLangChain4j.class),
            whereIs(Tracer.class),
            whereIs(ChatModel.class),
            whereIs(Logger.class));
    return new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @Test
  void modelWrappersNeedOnlyLangChain4jCore() throws Exception {
    ClassLoader loader = coreOnly();
    assertThatThrownBy(() -> loader.loadClass("dev.langchain4j.service.tool.ToolExecutor"))
        .isInstanceOf(ClassNotFoundException.class);
    Class<?> facade = loader.loadClass(AgentTraceLangChain4j.class.getName());
    Class<?> chatModel = loader.loadClass(ChatModel.class.getName());
    Object model =
        java.lang.reflect.Proxy.newProxyInstance(
            loader,
            new Class<?>[] {chatModel},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException();
            });

    Object traced = facade.getMethod("chatModel", chatModel).invoke(null, model);

    assertThat(chatModel.isInstance(traced)).isTrue();
  }
}
