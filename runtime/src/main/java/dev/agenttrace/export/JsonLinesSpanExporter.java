package dev.agenttrace.export;

import static java.util.Objects.requireNonNull;

import dev.agenttrace.export.json.SpanJson;
import dev.agenttrace.spi.ExportResult;
import dev.agenttrace.spi.SpanData;
import dev.agenttrace.spi.SpanExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;

/**
 * Appends spans to a JSON Lines file: one span per line in the {@link SpanJson} schema, UTF-8,
 * {@code \n} after each line, flushed after each batch so that readers see whole lines.
 *
 * <p>Rotation by size: when the next line would take the file past {@code maxFileBytes}, the file
 * is renamed to {@code name.1} (older ones shift to {@code name.2} ... up to {@code maxBackups},
 * the oldest deleted) and a new file is started. A line is never split between files, and one line
 * larger than the limit still gets a file of its own.
 *
 * <pre>{@code
 * SpanExporter files = JsonLinesSpanExporter.builder(Path.of("traces/spans.jsonl"))
 *     .maxFileBytes(64 << 20)
 *     .maxBackups(5)
 *     .build();
 * }</pre>
 */
public final class JsonLinesSpanExporter implements SpanExporter {
  private final Path file;
  private final long maxFileBytes;
  private final int maxBackups;
  private OutputStream out;
  private long size;
  private boolean closed;

  private JsonLinesSpanExporter(Builder builder) {
    this.file = builder.file;
    this.maxFileBytes = builder.maxFileBytes;
    this.maxBackups = builder.maxBackups;
  }

  /** A builder writing to {@code file}; its directory is created when needed. */
  public static Builder builder(Path file) {
    return new Builder(requireNonNull(file, "file"));
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized ExportResult export(Collection<SpanData> spans) {
    if (closed) {
      return ExportResult.failure("exporter is shut down");
    }
    try {
      StringBuilder line = new StringBuilder(1024);
      for (SpanData span : spans) {
        line.setLength(0);
        SpanJson.write(span, line);
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        if (out == null) {
          open();
        }
        if (size > 0 && size + bytes.length > maxFileBytes) {
          rotate();
        }
        out.write(bytes);
        size += bytes.length;
      }
      out.flush();
      return ExportResult.success();
    } catch (IOException e) {
      closeQuietly();
      return ExportResult.failure("could not write " + file + ": " + e, e);
    }
  }

  private void open() throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    out =
        Files.newOutputStream(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    size = Files.size(file);
  }

  private void rotate() throws IOException {
    out.close();
    out = null;
    if (maxBackups == 0) {
      Files.delete(file);
    } else {
      Files.deleteIfExists(backup(maxBackups));
      for (int i = maxBackups - 1; i >= 1; i--) {
        if (Files.exists(backup(i))) {
          Files.move(backup(i), backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.move(file, backup(1), StandardCopyOption.REPLACE_EXISTING);
    }
    open();
  }

  private Path backup(int number) {
    return file.resolveSibling(file.getFileName() + "." + number);
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // Reopened on the next export.
      }
      out = null;
    }
  }

  @Override
  public synchronized ExportResult flush() {
    try {
      if (out != null) {
        out.flush();
      }
      return ExportResult.success();
    } catch (IOException e) {
      return ExportResult.failure("could not flush " + file + ": " + e, e);
    }
  }

  @Override
  public synchronized ExportResult shutdown() {
    ExportResult result = flush();
    closeQuietly();
    closed = true;
    return result;
  }

  @Override
  public String toString() {
    return "JsonLinesSpanExporter{" + file + '}';
  }

  /** Builds a {@link JsonLinesSpanExporter}. */
  public static final class Builder {
    private final Path file;
    private long maxFileBytes = 64L << 20;
    private int maxBackups = 5;

    private Builder(Path file) {
      this.file = file;
    }

    /** The size after which the file is rotated; default 64 MiB. */
    public Builder maxFileBytes(long maxFileBytes) {
      if (maxFileBytes < 1) {
        throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
      }
      this.maxFileBytes = maxFileBytes;
      return this;
    }

    /** How many rotated files to keep ({@code name.1} newest); default 5, 0 keeps none. */
    public Builder maxBackups(int maxBackups) {
      if (maxBackups < 0) {
        throw new IllegalArgumentException("maxBackups must not be negative: " + maxBackups);
      }
      this.maxBackups = maxBackups;
      return this;
    }

    /** The exporter; the file is opened on the first export. */
    public JsonLinesSpanExporter build() {
      return new JsonLinesSpanExporter(this);
    }
  }
}
