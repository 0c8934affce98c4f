package dev.agenttrace.export;

import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each span through slf4j at INFO, as one line of the {@link SpanJson} schema, on the logger
 * {@code dev.agenttrace.export.LoggingSpanExporter}. For development and for log pipelines that
 * ship JSON lines on; turn the logger off to silence it.
 */
public final class LoggingSpanExporter implements SpanExporter {
  private static final Logger defaultLogger = LoggerFactory.getLogger(LoggingSpanExporter.class);

  private final Logger logger;

  /** Logs to {@code dev.agenttrace.export.LoggingSpanExporter}. */
  public LoggingSpanExporter() {
    this(defaultLogger);
  }

  /** Logs to {@code logger}. */
  public LoggingSpanExporter(Logger logger) {
    this.logger = java.util.Objects.requireNonNull(logger, "logger");
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    if (!logger.isInfoEnabled()) {
      return ExportResult.success();
    }
    StringBuilder line = new StringBuilder(512);
    for (SpanData span : spans) {
      line.setLength(0);
      line.append("span ");
      SpanJson.write(span, line);
      logger.info(line.toString());
    }
    return ExportResult.success();
  }

  @Override
  public String toString() {
    return "LoggingSpanExporter{" + logger.getName() + '}';
  }
}
