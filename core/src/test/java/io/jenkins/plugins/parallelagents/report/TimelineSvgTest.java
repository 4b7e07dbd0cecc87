package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class TimelineSvgTest {

  @Test
  void timeline_hasOneRowPerTask_andOnePerAttemptOfABestOfNTask() throws Exception {
    List<Element> rows = rows(render(SampleRun.report()));

    assertThat(rows)
        .extracting(row -> row.getAttribute("data-task") + attemptSuffix(row))
        .containsExactly("migration", "api#1", "api#2", "api#3", "emails", "frontend", "e2e");
  }

  @Test
  void eachRow_showsTheStepsOfItsAttempt_inTheirOrder_insideTheTaskBar() throws Exception {
    Element migration = row(render(SampleRun.report()), "migration");

    List<Element> steps = children(migration, "rect", "step");
    assertThat(steps)
        .extracting(step -> step.getAttribute("data-step"))
        .containsExactly("setup", "agent", "commit", "verify", "collect");
    Element span = children(migration, "rect", "span").get(0);
    // coordinates are rounded to a tenth of a pixel
    double previous = x(span) - 0.2;
    for (Element step : steps) {
      assertThat(x(step)).isGreaterThan(previous);
      assertThat(x(step) + width(step)).isLessThanOrEqualTo(x(span) + width(span) + 0.2);
      previous = x(step);
    }
    // every step has a colour of its own
    assertThat(steps).extracting(step -> step.getAttribute("fill")).doesNotHaveDuplicates();
  }

  @Test
  void criticalPath_marksTheFoundationAndTheLongestChainOfNeeds() throws Exception {
    Document svg = render(SampleRun.report());

    // migration 62 s, then api 170 s and frontend 95 s: the report's 327 s; emails (90 s) is
    // beside it, e2e never ran
    assertThat(rows(svg))
        .filteredOn(row -> row.getAttribute("data-critical").equals("true"))
        .extracting(row -> row.getAttribute("data-task"))
        .containsExactly("migration", "api", "api", "api", "frontend");
    assertThat(legendKeys(svg))
        .contains("task", "setup", "agent", "commit", "verify", "collect", "critical");
  }

  @Test
  void aTaskThatNeverRan_hasARowWithoutBars() throws Exception {
    Element e2e = row(render(SampleRun.report()), "e2e");

    assertThat(e2e.getElementsByTagName("rect").getLength()).isZero();
  }

  @Test
  void reportWithoutStepTimes_stillDrawsEachTaskBar() throws Exception {
    RunReport old = withTasks(List.of(task("api", List.of(), 0, 2_000, untimedAttempt())));

    Element api = row(render(old), "api");

    assertThat(children(api, "rect", "span")).hasSize(1);
    assertThat(children(api, "rect", "step")).isEmpty();
  }

  @Test
  void noTaskStarted_drawsNothing() {
    RunReport pending = withTasks(List.of(TaskReport.pending("api", "API", false, List.of())));

    assertThat(new TimelineSvg().render(pending)).isEmpty();
    assertThat(new HtmlReport().render(pending)).contains("No task has started.");
  }

  @Test
  void idsAndTitlesFromAnEditedReport_areEscaped_andTheSvgStaysWellFormed() throws Exception {
    String hostile = "x\"><script>alert(1)</script>";
    RunReport report = withTasks(List.of(task(hostile, List.of(), 0, 1_000, untimedAttempt())));

    String svg = new TimelineSvg().render(report);

    assertThat(svg).doesNotContain("<script>");
    assertThat(rows(parse(svg)))
        .extracting(row -> row.getAttribute("data-task"))
        .containsExactly(hostile);
  }

  @Test
  void needsThatGoRoundInAnEditedReport_endTheCriticalPathInsteadOfLoopingForever()
      throws Exception {
    RunReport report =
        withTasks(
            List.of(
                task("a", List.of("b"), 0, 1_000, untimedAttempt()),
                task("b", List.of("a"), 0, 2_000, untimedAttempt())));

    List<Element> rows = rows(render(report));

    assertThat(rows)
        .filteredOn(row -> row.getAttribute("data-critical").equals("true"))
        .extracting(row -> row.getAttribute("data-task"))
        .isNotEmpty();
  }

  @Test
  void aRunSpanningYears_stillHasAHandfulOfTicks() throws Exception {
    RunInfo run =
        new RunInfo(
            "r", "n", RunStatus.SUCCEEDED, null, null, "t", Instant.EPOCH, SampleRun.START, null);
    RunReport report =
        new RunReport(
            RunReport.SCHEMA,
            run,
            List.of(task("api", List.of(), 0, 1_000, untimedAttempt())),
            List.of(),
            null,
            null,
            null,
            null);

    Document svg = render(report);

    Element axis = byClass(svg, "g", "axis").get(0);
    assertThat(axis.getElementsByTagName("line").getLength()).isBetween(2, 9);
  }

  // --- helpers ---

  private static AttemptReport untimedAttempt() {
    return new AttemptReport(1, TaskStatus.SUCCEEDED, 0, 900, "b", "c", List.of("c"), 1, null);
  }

  private static TaskReport task(
      String id, List<String> needs, int startSecond, long durationMs, AttemptReport attempt) {
    Instant start = SampleRun.START.plusSeconds(startSecond);
    return new TaskReport(
        id,
        "Task " + id,
        false,
        needs,
        TaskStatus.SUCCEEDED,
        "agents/r/" + id,
        "c",
        List.of(attempt),
        1,
        List.of(),
        0,
        0,
        List.of(),
        start,
        start.plusMillis(durationMs),
        durationMs,
        null);
  }

  private static RunReport withTasks(List<TaskReport> tasks) {
    RunInfo run =
        new RunInfo(
            "r",
            "n",
            RunStatus.SUCCEEDED,
            null,
            null,
            "t",
            SampleRun.START,
            SampleRun.START.plusSeconds(10),
            null);
    return new RunReport(
        RunReport.SCHEMA,
        run,
        tasks,
        List.of(),
        null,
        null,
        null,
        new Timing(10_000, 3_000, Map.of()));
  }

  /** The timeline as the HTML report embeds it, parsed as XML: a malformed SVG fails here. */
  private static Document render(RunReport report) throws Exception {
    String html = new HtmlReport().render(report);
    int start = html.lastIndexOf("<svg", html.indexOf("class=\"timeline\""));
    return parse(html.substring(start, html.indexOf("</svg>", start) + "</svg>".length()));
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
  }

  private static List<Element> rows(Document svg) {
    return byClass(svg, "g", "timeline-row");
  }

  private static Element row(Document svg, String task) {
    return rows(svg).stream()
        .filter(row -> row.getAttribute("data-task").equals(task))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> legendKeys(Document svg) {
    return byClass(svg, "g", "legend-item").stream()
        .map(item -> item.getAttribute("data-step"))
        .toList();
  }

  private static List<Element> byClass(Document svg, String tag, String cssClass) {
    return withClass(svg.getElementsByTagName(tag), cssClass);
  }

  private static List<Element> children(Element parent, String tag, String cssClass) {
    return withClass(parent.getElementsByTagName(tag), cssClass);
  }

  private static List<Element> withClass(NodeList nodes, String cssClass) {
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.getAttribute("class").equals(cssClass)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String attemptSuffix(Element row) {
    String attempt = row.getAttribute("data-attempt");
    return row.getAttribute("data-task").equals("api") ? "#" + attempt : "";
  }

  private static double x(Element rect) {
    return Double.parseDouble(rect.getAttribute("x"));
  }

  private static double width(Element rect) {
    return Double.parseDouble(rect.getAttribute("width"));
  }
}
