package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A publish the host withholds (a pull request build that may not push) does not fail a run whose
 * tasks were all combined and tested; a publish the run itself skipped still does.
 */
class WithheldPublishOutcomeTest {

  private static final String WHY =
      "pull request 42 comes from a fork: its result is never published";
  private static final PublishReport SKIPPED =
      new PublishReport("origin", "agents/pr-42", "c0ffee", PublishStatus.SKIPPED, WHY);

  private static List<TaskReport> tasks(TaskStatus second) {
    return List.of(
        TaskReport.pending("api", "api", false, List.of()).notRun(TaskStatus.SUCCEEDED, null),
        TaskReport.pending("web", "web", false, List.of()).notRun(second, null));
  }

  private static MergeReport merge(MergeStatus status, List<SetAside> aside) {
    return new MergeReport(
        MergeStrategy.MERGE,
        status,
        List.of("api", "web"),
        "c0ffee",
        "agents/run/integration",
        List.of(),
        1,
        null,
        List.of("api", "web"),
        aside,
        List.of(),
        List.of());
  }

  private static TestReport test(TestStatus status) {
    return new TestReport("make test", status, 0, 1, null);
  }

  @Test
  void everyTaskCombinedAndGreen_succeeds() {
    RunOutcome.Verdict verdict =
        RunOutcome.withheld(
            tasks(TaskStatus.SUCCEEDED),
            merge(MergeStatus.MERGED, List.of()),
            test(TestStatus.PASSED),
            SKIPPED);

    assertThat(verdict.status()).isEqualTo(RunStatus.SUCCEEDED);
    // The same publish skipped by the run itself (cancelled after the test) is a failure.
    assertThat(
            RunOutcome.of(
                    tasks(TaskStatus.SUCCEEDED),
                    merge(MergeStatus.MERGED, List.of()),
                    test(TestStatus.PASSED),
                    SKIPPED)
                .status())
        .isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aRedTest_stillFails() {
    RunOutcome.Verdict verdict =
        RunOutcome.withheld(
            tasks(TaskStatus.SUCCEEDED),
            merge(MergeStatus.MERGED, List.of()),
            test(TestStatus.FAILED),
            SKIPPED);

    assertThat(verdict.status()).isEqualTo(RunStatus.FAILED);
    assertThat(verdict.reason()).startsWith("test FAILED");
  }

  @Test
  void aTaskSetAside_isPartial_namingItAndWhyNothingWasPublished() {
    SetAside aside = new SetAside("web", null, List.of("a.txt"), List.of("api"), null, "conflict");
    RunOutcome.Verdict verdict =
        RunOutcome.withheld(
            tasks(TaskStatus.SUCCEEDED),
            merge(MergeStatus.PARTIAL, List.of(aside)),
            test(TestStatus.PASSED),
            SKIPPED);

    assertThat(verdict.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(verdict.reason())
        .isEqualTo("combined and tested without 'web': conflict; not published: " + WHY);
  }
}
