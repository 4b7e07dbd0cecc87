package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlReportTest {

  @Test
  void suite_hasOneCasePerTaskPlusMergeSetAsideAndTest_withMatchingCounts() throws Exception {
    Element suite = parse(new JunitXmlReport().render(SampleRun.report())).getDocumentElement();

    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("parallel-agents: notification-prefs");
    assertThat(caseNames(suite))
        .containsExactly(
            "migration", "api", "emails", "frontend", "e2e", "merge", "emails", "test");
    // frontend, merge, emails set aside and test failed; e2e was skipped.
    assertThat(suite.getAttribute("tests")).isEqualTo("8");
    assertThat(suite.getAttribute("failures")).isEqualTo("4");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(4);
    assertThat(suite.getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void failedTask_carriesItsReason_andSkippedTaskSaysWhy() throws Exception {
    Element suite = parse(new JunitXmlReport().render(SampleRun.report())).getDocumentElement();

    Element frontend = testcase(suite, "frontend");
    assertThat(frontend.getAttribute("classname")).isEqualTo("tasks");
    assertThat(frontend.getAttribute("time")).isEqualTo("95.000");
    assertThat(child(frontend, "failure").getAttribute("message"))
        .isEqualTo("verify failed: npm test | exit 1");
    assertThat(child(testcase(suite, "e2e"), "skipped").getAttribute("message"))
        .isEqualTo("needs frontend, which failed");
    assertThat(testcase(suite, "migration").getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void mergeConflict_namesTheTaskTheFilesAndTheTasksThatTouchedThem() throws Exception {
    Element suite = parse(new JunitXmlReport().render(SampleRun.report())).getDocumentElement();

    String message = child(testcase(suite, "merge"), "failure").getAttribute("message");

    assertThat(message).contains("'emails'", "src/api/routes.ts", "api");
  }

  @Test
  void failedTest_reportsTheExitCode() throws Exception {
    Element suite = parse(new JunitXmlReport().render(SampleRun.report())).getDocumentElement();

    String message = child(testcase(suite, "test"), "failure").getAttribute("message");

    assertThat(message).contains("npm test").contains("exit code 1");
  }

  @Test
  void reasonWithMarkupAndTerminalEscapes_stillParses() throws Exception {
    RunReport sample = SampleRun.report();
    List<TaskReport> tasks = new ArrayList<>(sample.tasks());
    TaskReport frontend = tasks.get(3);
    String hostile = "\u001b[31m<failure> & \"quotes\" ]]>\u0000";
    tasks.set(3, withReason(frontend, hostile));
    RunReport report = withTasks(sample, tasks);

    Element suite = parse(new JunitXmlReport().render(report)).getDocumentElement();

    assertThat(child(testcase(suite, "frontend"), "failure").getAttribute("message"))
        .contains("<failure> & \"quotes\" ]]>")
        .doesNotContain("\u001b");
  }

  static TaskReport withReason(TaskReport t, String reason) {
    return new TaskReport(
        t.id(),
        t.title(),
        t.foundation(),
        t.needs(),
        t.status(),
        t.branch(),
        t.commit(),
        t.attempts(),
        t.chosenAttempt(),
        t.changedFiles(),
        t.insertions(),
        t.deletions(),
        t.outsideDeclaredPaths(),
        t.startedAt(),
        t.finishedAt(),
        t.durationMs(),
        reason);
  }

  static RunReport withTasks(RunReport r, List<TaskReport> tasks) {
    return new RunReport(
        r.schema(),
        r.run(),
        tasks,
        r.predictedConflicts(),
        r.merge(),
        r.test(),
        r.publish(),
        r.timing());
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> caseNames(Element suite) {
    NodeList cases = suite.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    return names;
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

  private static Element child(Element parent, String tag) {
    NodeList children = parent.getElementsByTagName(tag);
    assertThat(children.getLength())
        .as("<%s> in testcase %s", tag, parent.getAttribute("name"))
        .isEqualTo(1);
    return (Element) children.item(0);
  }
}
