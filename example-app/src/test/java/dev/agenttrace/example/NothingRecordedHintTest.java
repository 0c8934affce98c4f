package dev.agenttrace.example;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.agenttrace.config.ConfiguredTracing;
import dev.agenttrace.config.TracingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shutdown summary tells a user whose set-up records nothing what to check. */
class NothingRecordedHintTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(ConfiguredTracing.class);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  @Test
  void proxiesCalledWithTracingBuiltButNeverInstalledIsAWarningAtShutdown() throws Exception {
    ConfiguredTracing tracing =
        TracingConfig.builder().exporters("memory").shutdownHook(false).build();
    OrderTools orders = OrderToolsTraced.wrap(new InMemoryOrders());

    orders.lookupOrder("ORD-1001");
    tracing.close();

    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "AgentTrace shut down (exporters [memory]): started=0 ended=0 exported=0 failed=0"
                + " dropped=0 queued=0 active=0",
            "AgentTrace proxies were created but no span was recorded: was this tracing installed"
                + " (TracingConfig...install(), or AgentTrace.install(tracing.tracer())), and does"
                + " the sampler keep anything? See docs/troubleshooting.md.");
  }

  @Test
  void tracingInstalledAndProxiesCalledSaysOnlyTheSummary() throws Exception {
    ConfiguredTracing tracing =
        TracingConfig.builder().exporters("memory").shutdownHook(false).install();
    OrderToolsTraced.wrap(new InMemoryOrders()).lookupOrder("ORD-1001");
    tracing.close();

    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .startsWith("AgentTrace shut down (exporters [memory]): started=1 ended=1");
  }
}
