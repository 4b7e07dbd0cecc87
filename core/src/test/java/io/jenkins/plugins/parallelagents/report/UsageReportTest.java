package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.usage.AgentFormat;
import io.jenkins.plugins.parallelagents.usage.AgentUsage;
import io.jenkins.plugins.parallelagents.usage.Tokens;
import io.jenkins.plugins.parallelagents.usage.Turn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens, cost and conversations in every report format, the agents' text escaped. */
class UsageReportTest {

  private static final String HOSTILE = "</pre><script>alert(1)</script> | [x](http://evil)";

  private static AgentUsage claude(double cost) {
    return new AgentUsage(
        AgentFormat.CLAUDE_STREAM_JSON,
        new Tokens(12_000, 10_000, 800),
        cost,
        List.of(
            new Turn(Turn.Kind.ASSISTANT, null, HOSTILE, false),
            new Turn(Turn.Kind.TOOL_CALL, "Bash<b>", "{\"command\":\"npm test\"}", false),
            new Turn(Turn.Kind.TOOL_RESULT, null, "1 failing", true)),
        0);
  }

  private static AgentUsage codex() {
    return new AgentUsage(AgentFormat.CODEX_JSON, new Tokens(5_000, 0, 100), null, List.of(), 0);
  }

  /** The sample run with usage on every attempt of migration, none on api's. */
  static RunReport withUsage(BudgetReport budget) {
    RunReport sample = SampleRun.report();
    List<TaskReport> tasks = new ArrayList<>();
    for (TaskReport t : sample.tasks()) {
      List<AttemptReport> attempts =
          t.attempts().stream()
              .map(
                  a ->
                      t.id().equals("migration")
                          ? a.withUsage(claude(0.42))
                          : t.id().equals("api") && a.n() == 2 ? a.withUsage(codex()) : a)
              .toList();
      tasks.add(
          new TaskReport(
              t.id(),
              t.title(),
              t.foundation(),
              t.needs(),
              t.status(),
              t.branch(),
              t.commit(),
              attempts,
              t.chosenAttempt(),
              t.changedFiles(),
              t.insertions(),
              t.deletions(),
              t.outsideDeclaredPaths(),
              t.startedAt(),
              t.finishedAt(),
              t.durationMs(),
              t.reason(),
              t.database()));
    }
    return new RunReport(
        sample.schema(),
        sample.run(),
        tasks,
        sample.predictedConflicts(),
        sample.merge(),
        sample.test(),
        sample.publish(),
        sample.timing(),
        budget);
  }

  @Test
  void html_showsTokensAndCostPerTaskAndInAll_andTheConversationEscaped() {
    String html = new HtmlReport(path -> true).render(withUsage(null));

    assertThat(html)
        .contains("12,000 in (10,000 cached) · 800 out · $0.42")
        .contains("5,000 in · 100 out · cost unknown")
        .contains("Agents used 17,000 in (10,000 cached) · 900 out · $0.42 + unknown")
        .contains("<details class=\"conversation\"><summary>migration · 3 turns")
        .contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("tool call Bash&lt;b&gt;")
        .doesNotContain("<script>")
        .doesNotContain("<b>");
  }

  @Test
  void html_andMarkdown_sayWhenTheBudgetWasSpent() {
    RunReport report = withUsage(new BudgetReport(null, 0.4, "budget of $0.40 spent ($0.42 used)"));

    assertThat(new HtmlReport(path -> true).render(report))
        .contains("budget $0.40")
        .contains("budget of $0.40 spent ($0.42 used): the tasks not started then were skipped");
    assertThat(new MarkdownReport().render(report))
        .contains(
            "- Agents used: 17,000 in (10,000 cached) · 900 out · $0.42 + unknown (budget $0.40)")
        .contains("> budget of $0.40 spent ($0.42 used): the tasks not started then were skipped")
        .contains("| 12,000 in (10,000 cached) · 800 out · $0.42 |");
  }

  @Test
  void aReportWithoutUsage_saysNothingAboutIt() {
    RunReport report = SampleRun.report();

    assertThat(new HtmlReport(path -> true).render(report))
        .doesNotContain("Agents used")
        .doesNotContain("conversations");
    assertThat(new MarkdownReport().render(report)).doesNotContain("Agents used");
  }

  @Test
  void reportJson_keepsTheUsageAndTheBudget_andRollsUpPerTaskAndRun() throws IOException {
    ReportJson json = new ReportJson();
    RunReport report = withUsage(new BudgetReport(2_000_000L, 25.0, null));

    String text = json.toJson(report);
    RunReport read = json.fromJson(text);

    assertThat(read.task("migration").orElseThrow().attempts().get(0).usage())
        .isEqualTo(claude(0.42));
    assertThat(read.budget()).isEqualTo(new BudgetReport(2_000_000L, 25.0, null));
    assertThat(read.usage()).isEqualTo(report.usage());
    assertThat(report.usage().costUsd()).isNull();
    assertThat(report.usage().knownCostUsd()).isEqualTo(0.42);
    assertThat(text).contains("\"knownCostUsd\" : 0.42").contains("\"format\" : \"CODEX_JSON\"");
  }
}
