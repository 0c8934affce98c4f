package dev.agenttrace.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GenAI semantic conventions AgentTrace follows, read from the copies of {@code registry.yaml},
 * {@code spans.yaml}, {@code metrics.yaml} and {@code gen-ai-metrics.md} (where the bucket
 * boundaries are written) in {@code src/test/resources/semconv/gen-ai} (see the README there). A
 * line scanner for the few shapes those files use, so the tests need no YAML library: it fails
 * loudly when a file no longer has the shape it expects.
 */
public final class GenAiConventions {
  private static final String FOLDER = "/semconv/gen-ai/";
  private static final Pattern KEY = Pattern.compile("^  - key: (\\S+)$");
  private static final Pattern TYPE = Pattern.compile("^    type: (\\S+)$");
  private static final Pattern MEMBER_VALUE = Pattern.compile("^ {10}value: \"?([^\"]+)\"?$");
  private static final Pattern GROUP = Pattern.compile("^  - id: (\\S+)$");
  private static final Pattern SPAN = Pattern.compile("^  - type: (\\S+)$");
  private static final Pattern KIND = Pattern.compile("^    kind: (\\S+)$");
  private static final Pattern REF = Pattern.compile("^      - ref(_group)?: (\\S+)$");
  private static final Pattern LEVEL = Pattern.compile("^        requirement_level: (\\S+)$");
  private static final Pattern NAME = Pattern.compile("SHOULD be `([^`]+)`");
  private static final Pattern METRIC = Pattern.compile("^  - name: (\\S+)$");
  private static final Pattern INSTRUMENT = Pattern.compile("^    instrument: (\\S+)$");
  private static final Pattern UNIT = Pattern.compile("^    unit: \"?([^\"]+)\"?$");
  private static final Pattern METRIC_HEADING = Pattern.compile("^### Metric: `([^`]+)`$");

  /**
   * One attribute of the registry.
   *
   * @param key the attribute name
   * @param type {@code string}, {@code int}, {@code double}, {@code boolean}, {@code string[]},
   *     {@code any}, {@code template[string]}, or {@code enum} for one with members
   * @param members the well-known values of an enum, else empty
   */
  public record Attribute(String key, String type, List<String> members) {}

  /**
   * One span definition.
   *
   * @param type such as {@code gen_ai.inference.client}
   * @param kind {@code client} or {@code internal}
   * @param namePattern the span name the conventions ask for first, such as {@code
   *     {gen_ai.operation.name} {gen_ai.request.model}}
   * @param attributes every attribute the span may carry (attribute groups expanded)
   * @param required those of them that are required
   */
  public record SpanDefinition(
      String type, String kind, String namePattern, Set<String> attributes, Set<String> required) {}

  /**
   * One metric definition.
   *
   * @param name such as {@code gen_ai.client.operation.duration}
   * @param instrument such as {@code histogram}
   * @param unit such as {@code s} or {@code {token}}
   * @param attributes every attribute the metric may carry (attribute groups expanded)
   * @param required those of them that are required
   * @param boundaries the explicit bucket boundaries the metrics page specifies, or empty
   */
  public record MetricDefinition(
      String name,
      String instrument,
      String unit,
      Set<String> attributes,
      Set<String> required,
      List<Double> boundaries) {}

  private final Map<String, Attribute> attributes;
  private final Map<String, SpanDefinition> spans;
  private final Map<String, MetricDefinition> metrics;

  private GenAiConventions(
      Map<String, Attribute> attributes,
      Map<String, SpanDefinition> spans,
      Map<String, MetricDefinition> metrics) {
    this.attributes = attributes;
    this.spans = spans;
    this.metrics = metrics;
  }

  /** The conventions as copied into the test resources. */
  public static GenAiConventions load() {
    Map<String, Map<String, Boolean>> groups = new LinkedHashMap<>();
    Map<String, SpanDefinition> spans = readSpans(lines("spans.yaml"), groups);
    return new GenAiConventions(
        readRegistry(lines("registry.yaml")),
        spans,
        readMetrics(lines("metrics.yaml"), groups, readBoundaries(lines("gen-ai-metrics.md"))));
  }

  /** Every metric definition, by name. */
  public Map<String, MetricDefinition> metrics() {
    return metrics;
  }

  /** The text of the copied file {@code name}, such as {@code gen-ai-input-messages.json}. */
  public static String resource(String name) {
    try (InputStream in = GenAiConventions.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every attribute of the registry, by name. */
  public Map<String, Attribute> attributes() {
    return attributes;
  }

  /** Every span definition, by type. */
  public Map<String, SpanDefinition> spans() {
    return spans;
  }

  /** The span definition {@code type}; fails if the conventions have none. */
  public SpanDefinition span(String type) {
    SpanDefinition span = spans.get(type);
    if (span == null) {
      throw new IllegalStateException(
          "no span " + type + " in spans.yaml; known: " + spans.keySet());
    }
    return span;
  }

  private static List<String> lines(String name) {
    return resource(name).lines().toList();
  }

  private static Map<String, Attribute> readRegistry(List<String> lines) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    String key = null;
    String type = null;
    List<String> members = new ArrayList<>();
    for (String line : lines) {
      Matcher matcher;
      if ((matcher = KEY.matcher(line)).matches()) {
        if (key != null) {
          attributes.put(key, new Attribute(key, type, List.copyOf(members)));
        }
        key = matcher.group(1);
        type = "enum";
        members.clear();
      } else if (key != null && (matcher = TYPE.matcher(line)).matches()) {
        type = matcher.group(1);
      } else if (key != null && (matcher = MEMBER_VALUE.matcher(line)).matches()) {
        members.add(matcher.group(1));
      }
    }
    if (key != null) {
      attributes.put(key, new Attribute(key, type, List.copyOf(members)));
    }
    if (attributes.size() < 50) {
      throw new IllegalStateException("registry.yaml has an unexpected shape: " + attributes);
    }
    return attributes;
  }

  private static Map<String, SpanDefinition> readSpans(
      List<String> lines, Map<String, Map<String, Boolean>> groups) {
    Map<String, SpanDefinition> spans = new LinkedHashMap<>();
    Map<String, Boolean> current = null;
    String spanType = null;
    String kind = null;
    String name = null;
    String lastRef = null;
    for (String line : lines) {
      if (line.equals("span_refinements:")) {
        break; // provider refinements (openai, anthropic, ...) are not followed
      }
      Matcher matcher;
      if ((matcher = GROUP.matcher(line)).matches()) {
        current = new LinkedHashMap<>();
        groups.put(matcher.group(1), current);
        lastRef = null;
      } else if ((matcher = SPAN.matcher(line)).matches()) {
        addSpan(spans, spanType, kind, name, current);
        spanType = matcher.group(1);
        kind = null;
        name = null;
        current = new LinkedHashMap<>();
        lastRef = null;
      } else if (spanType != null && (matcher = KIND.matcher(line)).matches()) {
        kind = matcher.group(1);
      } else if (spanType != null && name == null && (matcher = NAME.matcher(line)).find()) {
        name = matcher.group(1);
      } else if (current != null && (matcher = REF.matcher(line)).matches()) {
        if (matcher.group(1) != null) {
          Map<String, Boolean> group = groups.get(matcher.group(2));
          if (group == null) {
            throw new IllegalStateException("unknown attribute group " + matcher.group(2));
          }
          group.forEach(current::putIfAbsent);
          lastRef = null;
        } else {
          lastRef = matcher.group(2);
          current.putIfAbsent(lastRef, false);
        }
      } else if (lastRef != null && (matcher = LEVEL.matcher(line)).matches()) {
        current.put(lastRef, matcher.group(1).equals("required"));
      }
    }
    addSpan(spans, spanType, kind, name, current);
    return spans;
  }

  private static void addSpan(
      Map<String, SpanDefinition> spans,
      String type,
      String kind,
      String name,
      Map<String, Boolean> attributes) {
    if (type == null) {
      return;
    }
    Set<String> required = new LinkedHashSet<>();
    attributes.forEach(
        (key, isRequired) -> {
          if (isRequired) {
            required.add(key);
          }
        });
    spans.put(
        type,
        new SpanDefinition(
            type, kind, name, Set.copyOf(attributes.keySet()), Set.copyOf(required)));
  }

  /**
   * The metrics of {@code metrics.yaml}, their attribute groups expanded with those of {@code
   * spans.yaml}; a {@code ref} after a group overrides the group's requirement level, as in the
   * YAML. Metric refinements (provider-specific additions) are not followed.
   */
  private static Map<String, MetricDefinition> readMetrics(
      List<String> lines,
      Map<String, Map<String, Boolean>> spanGroups,
      Map<String, List<Double>> boundaries) {
    Map<String, Map<String, Boolean>> groups = new LinkedHashMap<>(spanGroups);
    Map<String, MetricDefinition> metrics = new LinkedHashMap<>();
    Map<String, Boolean> current = null;
    String name = null;
    String instrument = null;
    String unit = null;
    String lastRef = null;
    for (String line : lines) {
      if (line.equals("metric_refinements:")) {
        break;
      }
      Matcher matcher;
      if ((matcher = GROUP.matcher(line)).matches()) {
        current = new LinkedHashMap<>();
        groups.put(matcher.group(1), current);
        lastRef = null;
      } else if ((matcher = METRIC.matcher(line)).matches()) {
        addMetric(metrics, name, instrument, unit, current, boundaries);
        name = matcher.group(1);
        instrument = null;
        unit = null;
        current = new LinkedHashMap<>();
        lastRef = null;
      } else if (name != null && (matcher = INSTRUMENT.matcher(line)).matches()) {
        instrument = matcher.group(1);
      } else if (name != null && (matcher = UNIT.matcher(line)).matches()) {
        unit = matcher.group(1);
      } else if (current != null && (matcher = REF.matcher(line)).matches()) {
        if (matcher.group(1) != null) {
          Map<String, Boolean> group = groups.get(matcher.group(2));
          if (group == null) {
            throw new IllegalStateException("unknown attribute group " + matcher.group(2));
          }
          group.forEach(current::putIfAbsent);
          lastRef = null;
        } else {
          lastRef = matcher.group(2);
          current.put(lastRef, false);
        }
      } else if (lastRef != null && (matcher = LEVEL.matcher(line)).matches()) {
        current.put(lastRef, matcher.group(1).equals("required"));
      }
    }
    addMetric(metrics, name, instrument, unit, current, boundaries);
    if (metrics.size() < 5) {
      throw new IllegalStateException("metrics.yaml has an unexpected shape: " + metrics);
    }
    return metrics;
  }

  private static void addMetric(
      Map<String, MetricDefinition> metrics,
      String name,
      String instrument,
      String unit,
      Map<String, Boolean> attributes,
      Map<String, List<Double>> boundaries) {
    if (name == null) {
      return;
    }
    Set<String> required = new LinkedHashSet<>();
    attributes.forEach(
        (key, isRequired) -> {
          if (isRequired) {
            required.add(key);
          }
        });
    metrics.put(
        name,
        new MetricDefinition(
            name,
            instrument,
            unit,
            Set.copyOf(attributes.keySet()),
            Set.copyOf(required),
            boundaries.getOrDefault(name, List.of())));
  }

  /**
   * The bucket boundaries of each metric, from the sentence "SHOULD be specified with
   * [ExplicitBucketBoundaries] of [...]" under its heading (the YAML does not carry them).
   */
  private static Map<String, List<Double>> readBoundaries(List<String> lines) {
    Map<String, List<Double>> boundaries = new LinkedHashMap<>();
    String metric = null;
    StringBuilder sentence = null;
    for (String line : lines) {
      Matcher heading = METRIC_HEADING.matcher(line);
      if (heading.matches()) {
        metric = heading.group(1);
        sentence = null;
      } else if (metric != null && line.contains("[ExplicitBucketBoundaries] of")) {
        sentence = new StringBuilder(line.substring(line.indexOf("] of") + 4));
      } else if (sentence != null) {
        sentence.append(line);
      }
      if (metric != null && sentence != null && sentence.indexOf("]") >= 0) {
        String list = sentence.substring(sentence.indexOf("[") + 1, sentence.indexOf("]"));
        List<Double> values = new ArrayList<>();
        for (String value : list.split(",")) {
          values.add(Double.parseDouble(value.trim()));
        }
        boundaries.put(metric, List.copyOf(values));
        metric = null;
        sentence = null;
      }
    }
    return boundaries;
  }
}
