package dev.agenttrace.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agenttrace.spi.SpanData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FlameGraphSvgRendererTest {
  private final List<Trace> traces = TraceAssembler.assemble(SampleSpans.allShuffled());

  @Test
  void flameGraphIsWellFormedSvgThatLoadsNothing() throws Exception {
    String svg = FlameGraphSvgRenderer.render(traces);

    Document document = parse(svg);
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(svg).doesNotContain("<script", "href", "url(", "@import");
  }

  @Test
  void eachBoxNamesItsPathWithTotalAndSelfTimeAndCalls() throws Exception {
    List<String> titles = titles(FlameGraphSvgRenderer.render(traces));

    assertThat(titles)
        .contains(
            "all (3 traces, 11 spans)\ntotal 372 ms (100.0%), self 0 µs",
            "invoke_agent orchestrator\ntotal 212 ms (57.0%), self 17 ms, 1 call",
            "invoke_agent billing\ntotal 90 ms (24.2%), self 20 ms, 1 call",
            "execute_tool lookup_order (failed)\ntotal 25 ms (6.7%), self 25 ms, 1 call, 1 error",
            "execute_tool refund\ntotal 10 ms (2.7%), self 10 ms, 1 call");
  }

  @Test
  void samePathsOfSeveralTracesAreMergedIntoOneBox() throws Exception {
    List<Trace> twice =
        TraceAssembler.assemble(
            concat(SampleSpans.supportTrace(), SampleSpans.supportTrace(SampleSpans.SKEW_TRACE)));

    assertThat(titles(FlameGraphSvgRenderer.render(twice)))
        .contains(
            "invoke_agent orchestrator\ntotal 424 ms (100.0%), self 34 ms, 2 calls",
            "chat scripted-model\ntotal 160 ms (37.7%), self 160 ms, 2 calls",
            "chat scripted-model\ntotal 80 ms (18.9%), self 80 ms, 2 calls");
  }

  @Test
  void failedBoxesAreRedAndBoxesAreColouredByWhatTheyAre() throws Exception {
    Document document = parse(FlameGraphSvgRenderer.render(traces));

    Element lookup = box(document, "execute_tool lookup_order (failed)");
    assertThat(lookup.getAttribute("stroke")).isEqualTo("#d00000");
    assertThat(lookup.getAttribute("fill")).isEqualTo("#f28b82");
    assertThat(box(document, "execute_tool update_order").getAttribute("stroke")).isEmpty();
    assertThat(box(document, "chat gateway-model").getAttribute("fill"))
        .isEqualTo(SpanCategory.LLM.color());
    assertThat(box(document, "invoke_agent billing").getAttribute("fill"))
        .isEqualTo(SpanCategory.AGENT.color());
  }

  @Test
  void okAndFailedSiblingsOfTheSameNameAreTwoBoxesSizedByTheirShare() throws Exception {
    String t = SampleSpans.SUPPORT_TRACE;
    List<Trace> retried =
        TraceAssembler.assemble(
            List.of(
                SampleSpans.span(t, "00000000000000e1", null, "invoke_agent a", "s", 0, 50, null),
                SampleSpans.failed(
                    SampleSpans.span(
                        t,
                        "00000000000000e2",
                        "00000000000000e1",
                        "execute_tool lookup",
                        "s",
                        0,
                        30,
                        "execute_tool"),
                    "java.io.IOException: timed out",
                    30),
                SampleSpans.span(
                    t,
                    "00000000000000e3",
                    "00000000000000e1",
                    "execute_tool lookup",
                    "s",
                    30,
                    10,
                    "execute_tool")));

    String svg = FlameGraphSvgRenderer.render(retried);

    assertThat(titles(svg))
        .contains(
            "execute_tool lookup\ntotal 10 ms (20.0%), self 10 ms, 1 call",
            "execute_tool lookup (failed)\ntotal 30 ms (60.0%), self 30 ms, 1 call, 1 error");
    Document document = parse(svg);
    Element ok = box(document, "execute_tool lookup");
    Element failed = box(document, "execute_tool lookup (failed)");
    assertThat(ok.getAttribute("fill")).isEqualTo(SpanCategory.TOOL.color());
    assertThat(ok.getAttribute("stroke")).isEmpty();
    assertThat(failed.getAttribute("fill")).isEqualTo("#f28b82");
    assertThat(Double.parseDouble(failed.getAttribute("width")) + 1)
        .isCloseTo(3 * (Double.parseDouble(ok.getAttribute("width")) + 1), within(0.5));
    assertThat(svg).contains(">✗ execute_tool lookup</text>");
  }

  @Test
  void childBoxesSitAboveTheirParentWithinItsWidth() throws Exception {
    Document document = parse(FlameGraphSvgRenderer.render(traces));

    Element parent = box(document, "invoke_agent billing");
    Element child = box(document, "execute_tool update_order");
    double parentX = Double.parseDouble(parent.getAttribute("x"));
    double parentEnd = parentX + Double.parseDouble(parent.getAttribute("width"));
    double childX = Double.parseDouble(child.getAttribute("x"));
    assertThat(Double.parseDouble(child.getAttribute("y")))
        .isLessThan(Double.parseDouble(parent.getAttribute("y")));
    assertThat(childX).isBetween(parentX, parentEnd);
    assertThat(childX + Double.parseDouble(child.getAttribute("width")))
        .isLessThanOrEqualTo(parentEnd);
  }

  private static List<SpanData> concat(List<SpanData> a, List<SpanData> b) {
    List<SpanData> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> titles(String svg) throws Exception {
    NodeList nodes = parse(svg).getElementsByTagName("title");
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      titles.add(nodes.item(i).getTextContent());
    }
    return titles;
  }

  /** The rectangle of the first box whose title starts with {@code name}. */
  private static Element box(Document document, String name) {
    NodeList groups = document.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element group = (Element) groups.item(i);
      String title = group.getElementsByTagName("title").item(0).getTextContent();
      if (title.startsWith(name + "\n")) {
        return (Element) group.getElementsByTagName("rect").item(0);
      }
    }
    throw new AssertionError("no box for " + name);
  }
}
