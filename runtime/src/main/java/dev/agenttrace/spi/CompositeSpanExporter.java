package dev.agenttrace.spi;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several exporters as one: each gets every batch, one failing does not stop the others. */
final class CompositeSpanExporter implements SpanExporter {
  private static final Logger logger = LoggerFactory.getLogger(CompositeSpanExporter.class);

  private final List<SpanExporter> exporters;

  CompositeSpanExporter(List<SpanExporter> exporters) {
    this.exporters = List.copyOf(exporters);
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    return each(exporter -> exporter.export(spans));
  }

  @Override
  public ExportResult flush() {
    return each(SpanExporter::flush);
  }

  @Override
  public ExportResult shutdown() {
    return each(SpanExporter::shutdown);
  }

  private ExportResult each(Function<SpanExporter, ExportResult> call) {
    ExportResult firstFailure = null;
    for (SpanExporter exporter : exporters) {
      ExportResult result;
      try {
        result = call.apply(exporter);
      } catch (RuntimeException e) {
        logger.warn("Exporter {} threw; it must report failures as a result", exporter, e);
        result = ExportResult.failure(exporter + " threw " + e, e);
      }
      if (!result.isSuccess() && firstFailure == null) {
        firstFailure = result;
      }
    }
    return firstFailure == null ? ExportResult.success() : firstFailure;
  }

  @Override
  public String toString() {
    return "CompositeSpanExporter" + exporters;
  }
}
