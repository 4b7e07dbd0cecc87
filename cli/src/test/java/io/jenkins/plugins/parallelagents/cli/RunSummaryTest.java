package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.BaseRef;
import io.jenkins.plugins.parallelagents.report.BudgetReport;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.report.Timing;
import io.jenkins.plugins.parallelagents.usage.AgentFormat;
import io.jenkins.plugins.parallelagents.usage.AgentUsage;
import io.jenkins.plugins.parallelagents.usage.Tokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

  private static final String COMBINED = "0123456789abcdef0123456789abcdef01234567";
  private static final Path RUN_DIR = Path.of("/state/runs/r1");

  @Test
  void succeededRun_showsTasksCombinedBranchTargetAndReport() {
    RunReport report =
        report(
            RunStatus.SUCCEEDED,
            null,
            List.of(
                TaskReports.finished("migration", TaskStatus.SUCCEEDED, 6_100, 42, 3, null),
                TaskReports.finished("api", TaskStatus.NO_CHANGES, 2_000, 0, 0, null)),
            new MergeReport(
                MergeStrategy.MERGE,
                MergeStatus.MERGED,
                List.of("api"),
                COMBINED,
                "agents/r1/integration",
                List.of(),
                10,
                null,
                List.of("api"),
                List.of(),
                List.of(),
                List.of()),
            new PublishReport("origin", "agents/demo", COMBINED, PublishStatus.PUSHED, null));

    assertThat(print(report).lines())
        .containsExactly(
            "",
            "Run r1 of 'demo': SUCCEEDED",
            "  migration  SUCCEEDED   6.1s +42 -3",
            "  api        NO_CHANGES  2.0s",
            "Combined: agents/r1/integration at 0123456789ab",
            "Target:   agents/demo PUSHED at 0123456789ab (remote origin)",
            "Report:   " + RUN_DIR.resolve("report.html"));
  }

  @Test
  void failedRun_endsWithTheFirstReason_andTheCommandThatRetriesTheFailedTask() {
    RunReport report =
        report(
            RunStatus.FAILED,
            "task 'api' failed: agent exited with 1",
            List.of(
                TaskReports.finished("api", TaskStatus.FAILED, 3_000, 0, 0, "agent exited with 1"),
                TaskReports.skipped("web", "needs 'api', which failed")),
            MergeReport.empty(MergeStrategy.MERGE, MergeStatus.SKIPPED, null),
            new PublishReport("origin", "agents/demo", null, PublishStatus.SKIPPED, null));

    assertThat(print(report).lines())
        .contains(
            "Run r1 of 'demo': FAILED",
            "  api  FAILED   3.0s: agent exited with 1",
            "  web  SKIPPED  needs 'api', which failed",
            "Combined: nothing combined (SKIPPED)",
            "Target:   agents/demo SKIPPED (remote origin)",
            "Reason:   task 'api' failed: agent exited with 1")
        .last()
        .isEqualTo("Next:     parallel-agents retry r1 --task api");
  }

  @Test
  void partialRun_saysHowManyTasksAreCombined_namesEachSetAsideWithWhy_andRetriesThem() {
    RunReport report =
        report(
            RunStatus.PARTIAL,
            "2 tasks set aside",
            List.of(
                TaskReports.finished("api", TaskStatus.SUCCEEDED, 3_000, 5, 0, null),
                TaskReports.finished("web", TaskStatus.SUCCEEDED, 3_000, 5, 0, null),
                TaskReports.finished("mail", TaskStatus.SUCCEEDED, 3_000, 5, 0, null)),
            new MergeReport(
                MergeStrategy.MERGE,
                MergeStatus.PARTIAL,
                List.of("api", "web", "mail"),
                COMBINED,
                "agents/r1/integration",
                List.of(),
                10,
                null,
                List.of("api"),
                List.of(
                    new SetAside(
                        "web",
                        SetAsideCause.CONFLICT,
                        List.of("routes.ts"),
                        List.of("api"),
                        List.of(),
                        "merging 'web' conflicts in routes.ts (also changed by api)"),
                    new SetAside(
                        "mail",
                        SetAsideCause.EJECTED,
                        List.of(),
                        List.of(),
                        List.of("DigestTest.sendsWeekly"),
                        "the combined test failed with 'mail' and passed without it")),
                List.of(),
                List.of()),
            new PublishReport("origin", "agents/demo", COMBINED, PublishStatus.PUSHED, null));

    String text = print(report);

    assertThat(text).doesNotContain("Combined: agents/r1/integration");
    assertThat(text.lines())
        .contains(
            "Combined 1 of 3 tasks: api on agents/r1/integration at 0123456789ab"
                + " (set aside: web, mail)",
            "  set aside web (CONFLICT): merging 'web' conflicts in routes.ts (also changed by api)",
            "  set aside mail (EJECTED): the combined test failed with 'mail' and passed without"
                + " it; failing: DigestTest.sendsWeekly")
        .last()
        .isEqualTo("Next:     parallel-agents retry r1 --task web --task mail");
  }

  @Test
  void agentsThatReportUsage_showTokensAndCostPerTaskAndInAll_andTheSpentBudget() {
    RunReport plain =
        report(
            RunStatus.SUCCEEDED,
            null,
            List.of(
                TaskReports.withUsage(
                    TaskReports.finished("api", TaskStatus.SUCCEEDED, 3_000, 5, 0, null),
                    new AgentUsage(
                        AgentFormat.CLAUDE_STREAM_JSON,
                        new Tokens(12_000, 10_000, 800),
                        0.42,
                        List.of(),
                        0)),
                TaskReports.skipped("web", "not started: budget of $0.40 spent ($0.42 used)")),
            MergeReport.empty(MergeStrategy.MERGE, MergeStatus.SKIPPED, null),
            new PublishReport("origin", "agents/demo", null, PublishStatus.SKIPPED, null));
    RunReport report =
        new RunReport(
            plain.schema(),
            plain.run(),
            plain.tasks(),
            plain.predictedConflicts(),
            plain.merge(),
            plain.test(),
            plain.publish(),
            plain.timing(),
            new BudgetReport(null, 0.4, "budget of $0.40 spent ($0.42 used)"));

    assertThat(print(report).lines())
        .contains(
            "  api  SUCCEEDED  12,000 in (10,000 cached) · 800 out · $0.42  3.0s +5 -0",
            "Usage:    12,000 in (10,000 cached) · 800 out · $0.42 in all",
            "Budget:   budget of $0.40 spent ($0.42 used); the tasks not started were skipped");
    assertThat(print(report)).contains("  web  SKIPPED    -");
  }

  private static String print(RunReport report) {
    StringWriter out = new StringWriter();
    new RunSummary(Map.of()).print(report, new PrintWriter(out));
    return out.toString();
  }

  private static RunReport report(
      RunStatus status,
      String reason,
      List<TaskReport> tasks,
      MergeReport merge,
      PublishReport publish) {
    RunInfo run =
        new RunInfo(
            "r1",
            "demo",
            status,
            reason,
            new BaseRef("main", "abc"),
            "agents/demo",
            TaskReports.START,
            TaskReports.START.plusSeconds(10),
            RUN_DIR.toString());
    return new RunReport(
        RunReport.SCHEMA,
        run,
        tasks,
        List.of(),
        merge,
        new TestReport("true", TestStatus.PASSED, 0, 5, null),
        publish,
        new Timing(10_000, 8_000, Map.of()));
  }
}
