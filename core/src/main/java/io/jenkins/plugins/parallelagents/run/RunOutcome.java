package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.util.List;

/** Decides whether a run succeeded, and if not, the first reason, in the order things happened. */
public final class RunOutcome {

  private RunOutcome() {}

  /** The first reason the run failed, or {@code null} when it succeeded. */
  public static String firstReason(
      List<TaskReport> tasks, MergeReport merge, TestReport test, PublishReport publish) {
    TaskReport failed =
        tasks.stream()
            .filter(t -> !t.status().isDone() && t.status() != TaskStatus.SKIPPED)
            .findFirst()
            .or(() -> tasks.stream().filter(t -> !t.status().isDone()).findFirst())
            .orElse(null);
    if (failed != null) {
      return "task '"
          + failed.id()
          + "' "
          + failed.status()
          + (failed.reason() == null ? "" : ": " + failed.reason());
    }
    if (merge.status() != MergeStatus.MERGED && merge.status() != MergeStatus.RESOLVED) {
      return "merge " + merge.status() + (merge.reason() == null ? "" : ": " + merge.reason());
    }
    if (test.status() == TestStatus.FAILED || test.status() == TestStatus.TIMED_OUT) {
      return "test " + test.status() + ": " + test.reason();
    }
    // Nothing in a plan turns publishing off, so a run that did not publish did not succeed.
    if (publish.status() != PublishStatus.PUSHED && publish.status() != PublishStatus.UPDATED) {
      return "publish " + publish.status() + ": " + publish.reason();
    }
    return null;
  }
}
