package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A partial run as each report shows it: what was combined and what was set aside, the test runs,
 * the failing tests and the last lines of failed steps, with agent-written text kept inert.
 */
class TrainRenderingTest {

  private final RunReport partial = SampleRun.partial();

  @Test
  void markdown_readsAsPartial_andListsWhatWasSetAsideAndWhy() {
    String md = new MarkdownReport().render(partial);

    assertThat(md)
        .startsWith("# parallel-agents: notification-prefs — PARTIAL\n")
        .contains("- Status: **PARTIAL** — only 2 of 4 tasks combined")
        .contains("- Combined: `migration`, `api`")
        .contains(
            "| `emails` | CONFLICT | `api` | `src/api/routes.ts` | merging 'emails' conflicts in"
                + " src/api/routes.ts (also changed by api) |")
        .contains("| `settings` | EJECTED |  |  | the combined test failed with 'settings'")
        .contains("| `api` | `package-lock.json` | `npm install` |")
        .contains("Resolver's change to `db/schema.sql` while merging `api`:")
        .contains(
            "| 1 | `migration`, `api`, `settings` | FAILED | everything merged | `prefs › saves` |")
        .contains("| 2 | `migration`, `api` | PASSED | without settings |  |")
        .contains("- `prefs › saves`")
        .contains(
            "### `frontend`\n\nverify failed: npm test \\| exit 1\n\nFailing tests:\n\n- `renders`");
  }

  @Test
  void markdown_keepsHostileLinesInsideTheirCodeBlock() {
    String md = new MarkdownReport().render(partial);

    // The lines hold a ``` of their own: the block's fence is longer, so it stays open past them.
    assertThat(md)
        .contains(
            "````text\nnot ok 1 - saves\n```\n</pre><script>alert(1)</script>\n~~~ | **bold**\n````\n");
    String outsideBlocks =
        md.replaceAll("(?s)(`{3,})text\n.*?\n\\1\n", "").replaceAll("`[^`\n]*`", "");
    // Outside blocks and code spans, every '<' is backslash-escaped: no renderer sees a tag.
    assertThat(outsideBlocks).doesNotContainPattern("(?<!\\\\)<");
  }

  @Test
  void html_showsTheTrainAndEscapesEveryAgentWrittenLine() {
    String html = new HtmlReport(path -> false).render(partial);

    assertThat(html)
        .contains("<p class=\"warn\">Partial: only 2 of 4 tasks are combined.</p>")
        .contains("<td><code>settings</code></td><td>EJECTED</td>")
        .contains("<li><code>prefs › saves</code></li>")
        .contains("<li><code>Digest &lt;b&gt;x&lt;/b&gt;</code></li>")
        .contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("+&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
        .contains("npm ERR! Test failed")
        .contains("<td>without settings</td>");
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>x");
  }

  @Test
  void junit_failsASetAsideCasePerTask_andTheTestCaseCarriesTheExcerpt() throws Exception {
    Document xml = parse(new JunitXmlReport().render(partial));

    Element settings = testcase(xml, "set-aside", "settings");
    assertThat(failure(settings).getAttribute("message"))
        .isEqualTo("the combined test failed with 'settings' and passed without it");
    assertThat(failure(settings).getTextContent()).contains("failing tests: prefs › saves");
    assertThat(failure(testcase(xml, "set-aside", "emails")).getTextContent())
        .contains("cause: CONFLICT", "files: src/api/routes.ts");
    assertThat(failure(testcase(xml, "run", "merge"))).isNotNull();
    assertThat(failure(testcase(xml, "tasks", "frontend")).getTextContent())
        .contains("attempt 1 printed:", "failing tests:\n  renders", "npm ERR! Test failed");
  }

  @Test
  void junit_redTestCase_namesTheFailingTestsAndLastLines() throws Exception {
    RunReport report = SampleRun.report();
    TestReport red =
        new TestReport(
            "npm test",
            TestStatus.FAILED,
            1,
            60_000,
            "the test command failed",
            null,
            new FailureExcerpt(SampleRun.HOSTILE_LINES, java.util.List.of("prefs › saves")),
            java.util.List.of());
    RunReport withRed =
        new RunReport(
            report.schema(),
            report.run(),
            report.tasks(),
            report.predictedConflicts(),
            report.merge(),
            red,
            report.publish(),
            report.timing());

    String body =
        failure(testcase(parse(new JunitXmlReport().render(withRed)), "run", "test"))
            .getTextContent();

    assertThat(body)
        .contains("failing tests:\n  prefs › saves")
        .contains("last lines:\nnot ok 1 - saves\n```\n</pre><script>alert(1)</script>");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static Element testcase(Document xml, String classname, String name) {
    NodeList cases = xml.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("classname").equals(classname) && c.getAttribute("name").equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no testcase " + classname + "." + name);
  }

  private static Element failure(Element testcase) {
    NodeList failures = testcase.getElementsByTagName("failure");
    return failures.getLength() == 0 ? null : (Element) failures.item(0);
  }
}
