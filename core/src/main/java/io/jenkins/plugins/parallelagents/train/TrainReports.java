package io.jenkins.plugins.parallelagents.train;

import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.util.List;

/** The merge train's parts of a report. */
public final class TrainReports {

  private TrainReports() {}

  /** The merge report of {@code outcome}, the train's result on {@code branches}. */
  public static MergeReport merge(
      MergeStrategy strategy,
      MergeOutcome outcome,
      List<TaskBranch> branches,
      String branch,
      long durationMs) {
    return new MergeReport(
        strategy,
        outcome.status(),
        branches.stream().map(TaskBranch::taskId).toList(),
        outcome.commit(),
        branch,
        outcome.conflicts(),
        durationMs,
        outcome.reason(),
        outcome.merged(),
        outcome.setAside(),
        outcome.regenerated(),
        outcome.resolutions());
  }

  /**
   * The tasks that are out before any merge: every task after the foundation that did not succeed,
   * in {@code tasks}' order.
   */
  public static List<SetAside> notSucceeded(List<TaskReport> tasks) {
    return tasks.stream()
        .filter(t -> !t.foundation() && !t.status().isDone())
        .map(
            t ->
                new SetAside(
                    t.id(),
                    SetAsideCause.TASK_FAILED,
                    List.of(),
                    List.of(),
                    List.of(),
                    "'"
                        + t.id()
                        + "' "
                        + t.status()
                        + (t.reason() == null ? "" : ": " + t.reason())))
        .toList();
  }
}
