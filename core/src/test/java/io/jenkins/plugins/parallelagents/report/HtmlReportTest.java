package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static final Pattern URL = Pattern.compile("https?://[^\"'\\s)]*");

  @TempDir Path runDir;

  @Test
  void graph_hasOneNodePerTaskAndOneEdgePerNeed() {
    String html = new HtmlReport().render(SampleRun.report());

    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
    assertThat(count(svg, "<g class=\"node\"")).isEqualTo(5);
    assertThat(count(svg, "<path class=\"edge\"")).isEqualTo(4);
    assertThat(svg)
        .contains("data-from=\"migration\" data-to=\"api\"")
        .contains("data-from=\"api\" data-to=\"frontend\"")
        .contains("data-from=\"frontend\" data-to=\"e2e\"");
  }

  @Test
  void page_fetchesNothing_theOnlyUrlIsTheSvgNamespace() {
    String html = new HtmlReport().render(SampleRun.report());

    Matcher urls = URL.matcher(html);
    while (urls.find()) {
      assertThat(urls.group()).isEqualTo("http://www.w3.org/2000/svg");
    }
    assertThat(html).doesNotContain("<link").doesNotContain("src=").doesNotContain("@import");
  }

  @Test
  void titlesFromUsers_areEscapedEverywhere() {
    String html = new HtmlReport().render(SampleRun.report());

    assertThat(html)
        .doesNotContain("<script>")
        .contains("Digest | emails &lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void taskTable_showsStatusAttemptsDiffstatAndWarnings() {
    String html = new HtmlReport().render(SampleRun.report());

    String api = row(html, "api");
    assertThat(api)
        .contains("SUCCEEDED")
        .contains("+120")
        .contains("−8")
        .contains("3 files")
        .contains("#3")
        .contains("chosen")
        .contains("changed outside its declared paths: <code>package.json</code>");
    assertThat(row(html, "frontend")).contains("verify failed: npm test | exit 1");
    assertThat(row(html, "migration")).contains("FOUNDATION");
  }

  @Test
  void writtenReport_linksTheLogsThatExist_andNoOthers() throws IOException {
    touch("tasks/migration/setup.log");
    touch("tasks/migration/agent.log");
    touch("tasks/migration/diff.patch");
    touch("tasks/migration/prompt.md");
    touch("tasks/api/attempt-2/agent.log");
    touch("tasks/api/attempt-2/verify.log");
    touch("merge.log");
    touch("test.log");

    new ReportWriter().writeAll(SampleRun.report(), runDir);
    String html = Files.readString(runDir.resolve("report.html"));

    assertThat(hrefs(html))
        .contains(
            "tasks/migration/setup.log",
            "tasks/migration/agent.log",
            "tasks/migration/diff.patch",
            "tasks/migration/prompt.md",
            "tasks/api/attempt-2/agent.log",
            "tasks/api/attempt-2/verify.log",
            "merge.log",
            "test.log")
        .doesNotContain(
            "tasks/migration/verify.log", "tasks/api/attempt-1/agent.log", "tasks/e2e/agent.log");
    for (String href : hrefs(html)) {
      assertThat(runDir.resolve(href)).as("link target %s", href).exists();
    }
  }

  @Test
  void layoutWithoutExistenceCheck_linksEveryStepLogOfEveryAttempt() {
    String html = new HtmlReport().render(SampleRun.report());

    assertThat(hrefs(html))
        .contains(
            "tasks/migration/agent.log",
            "tasks/api/attempt-1/setup.log",
            "tasks/api/attempt-3/verify.log",
            "tasks/frontend/verify.log")
        .doesNotContain("tasks/e2e/agent.log");
  }

  private void touch(String relative) throws IOException {
    Path file = runDir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "log\n");
  }

  private static List<String> hrefs(String html) {
    return Pattern.compile("href=\"([^\"]*)\"")
        .matcher(html)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  private static String row(String html, String taskId) {
    int start = html.indexOf("<tr id=\"task-" + taskId + "\">");
    assertThat(start).as("row of task %s", taskId).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }
}
