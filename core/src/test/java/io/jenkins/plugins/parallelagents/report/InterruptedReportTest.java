package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A run whose process died shows as INTERRUPTED in every report, with who ran it. */
class InterruptedReportTest {

  private static final String REASON = "the process running it (pid 4242 on ci-7) ended before";

  private final RunReport report = interrupted();

  @Test
  void markdown_titleSaysInterrupted_andWhy() {
    String md = new MarkdownReport().render(report);

    assertThat(md).startsWith("# parallel-agents: notification-prefs — INTERRUPTED\n");
    assertThat(md).contains("> " + REASON);
  }

  @Test
  void html_showsAnInterruptedBadgeInTheBadTone() {
    String html = new HtmlReport().render(report);

    assertThat(html).containsPattern("class=\"badge tone-bad\"[^>]*>INTERRUPTED<");
  }

  @Test
  void junit_failsTheTaskThatWasRunning_ratherThanSkippingIt() throws Exception {
    Element suite =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    new JunitXmlReport().render(report).getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();

    Element e2e = testcase(suite, "e2e");
    assertThat(e2e.getElementsByTagName("skipped").getLength()).isZero();
    assertThat(((Element) e2e.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo("interrupted while RUNNING: " + REASON);
  }

  @Test
  void json_keepsTheOwner() throws IOException {
    ReportJson json = new ReportJson();

    assertThat(json.fromJson(json.toJson(report))).isEqualTo(report);
    assertThat(json.toJson(report))
        .contains("\"status\" : \"INTERRUPTED\"")
        .contains("\"owner\" : {")
        .contains("\"pid\" : 4242");
  }

  private static RunReport interrupted() {
    RunReport sample = SampleRun.report();
    RunInfo run = sample.run();
    List<TaskReport> tasks = new ArrayList<>(sample.tasks());
    TaskReport e2e = tasks.get(4);
    tasks.set(
        4,
        new TaskReport(
            e2e.id(),
            e2e.title(),
            e2e.foundation(),
            e2e.needs(),
            TaskStatus.RUNNING,
            null,
            null,
            List.of(),
            null,
            List.of(),
            0,
            0,
            List.of(),
            run.startedAt(),
            null,
            0,
            null));
    RunInfo dead =
        new RunInfo(
            run.id(),
            run.name(),
            RunStatus.INTERRUPTED,
            REASON,
            run.base(),
            run.target(),
            run.startedAt(),
            run.finishedAt(),
            run.directory(),
            new RunOwner("ci-7", 4242, Instant.parse("2026-03-02T09:14:58.120Z"), "boot-1:8812"));
    return new RunReport(
        sample.schema(),
        dead,
        tasks,
        sample.predictedConflicts(),
        sample.merge(),
        sample.test(),
        sample.publish(),
        sample.timing());
  }

  private static Element testcase(Element suite, String name) {
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no testcase named " + name);
  }
}
