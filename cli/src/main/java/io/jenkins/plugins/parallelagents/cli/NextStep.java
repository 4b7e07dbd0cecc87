package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.MergeReport;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.util.List;
import java.util.Optional;

/**
 * What to run after a run that did not succeed: the command that goes on from it without paying
 * again for the work it kept.
 */
final class NextStep {

  private NextStep() {}

  static Optional<String> after(RunReport report) {
    String id = report.run().id();
    if (report.run().status() == RunStatus.SUCCEEDED) {
      return Optional.empty();
    }
    boolean unfinished =
        report.run().status() == RunStatus.INTERRUPTED
            || report.tasks().stream().anyMatch(t -> t.status() == TaskStatus.CANCELLED);
    if (unfinished) {
      return Optional.of("parallel-agents resume " + id);
    }
    MergeReport merge = report.merge();
    if (report.run().status() == RunStatus.PARTIAL
        && merge != null
        && !merge.setAside().isEmpty()) {
      // What was combined is published; retrying the tasks set aside brings them back in.
      return Optional.of(
          "parallel-agents retry "
              + id
              + " --task "
              + String.join(" --task ", merge.setAside().stream().map(SetAside::task).toList()));
    }
    List<String> failed =
        report.tasks().stream()
            .filter(t -> t.status() == TaskStatus.FAILED || t.status() == TaskStatus.TIMED_OUT)
            .map(TaskReport::id)
            .toList();
    if (!failed.isEmpty()) {
      return Optional.of(
          "parallel-agents retry " + id + " --task " + String.join(" --task ", failed));
    }
    if (merge != null
        && (merge.status() == MergeStatus.CONFLICT || merge.status() == MergeStatus.FAILED)) {
      return Optional.of("fix the conflict on a task branch, then: parallel-agents merge " + id);
    }
    if (report.test() != null
        && (report.test().status() == TestStatus.FAILED
            || report.test().status() == TestStatus.TIMED_OUT)) {
      return Optional.of(
          "fix the task branch at fault, then: parallel-agents merge "
              + id
              + " (or retry "
              + id
              + " --task ID)");
    }
    if (report.publish() != null && report.publish().status() == PublishStatus.REJECTED) {
      return Optional.of(
          "parallel-agents merge " + id + " --target NAME (or --force-publish to overwrite)");
    }
    if (report.publish() != null && report.publish().status() == PublishStatus.FAILED) {
      return Optional.of("parallel-agents merge " + id);
    }
    return Optional.empty();
  }
}
