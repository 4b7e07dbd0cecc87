package io.jenkins.plugins.parallelagents.run;

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

/**
 * Decides how a run ended: SUCCEEDED when every task is in the published combination, PARTIAL when
 * a green combination of some of them was published and the rest set aside, else FAILED with the
 * reason that stopped it.
 */
public final class RunOutcome {

  private RunOutcome() {}

  /** The run's status and, unless it succeeded, one line saying why. */
  public record Verdict(RunStatus status, String reason) {}

  public static Verdict of(
      List<TaskReport> tasks, MergeReport merge, TestReport test, PublishReport publish) {
    boolean published = publish.status().published();
    if (published) {
      TaskReport failed = firstNotDone(tasks);
      if (merge.setAside().isEmpty() && failed == null) {
        return new Verdict(RunStatus.SUCCEEDED, null);
      }
      List<String> left = merge.setAside().stream().map(SetAside::task).toList();
      String why =
          merge.setAside().isEmpty() ? taskReason(failed) : merge.setAside().get(0).reason();
      return new Verdict(
          RunStatus.PARTIAL,
          "published without "
              + String.join(", ", left.stream().map(t -> "'" + t + "'").toList())
              + ": "
              + why);
    }
    if (publish.status() == PublishStatus.NOT_REQUESTED
        && merge.status().hasCombination()
        && merge.setAside().isEmpty()
        && firstNotDone(tasks) == null
        && (test.status() == TestStatus.PASSED || test.status() == TestStatus.SKIPPED)) {
      // The host asked for the result without publishing it: every task combined and tested.
      return new Verdict(RunStatus.SUCCEEDED, null);
    }
    return new Verdict(RunStatus.FAILED, failure(tasks, merge, test, publish));
  }

  /**
   * How a run ended whose host chose not to publish its result (a pull request build that may not
   * push; {@code publish} is {@code SKIPPED} with the reason): SUCCEEDED when every task was
   * combined and the combination tested green, as with {@code NOT_REQUESTED}; PARTIAL when a green
   * combination left tasks aside; else as {@link #of}. Only the host's own choice counts: a publish
   * the run skipped for its own reasons (cancelled, a red test) goes through {@link #of}.
   */
  public static Verdict withheld(
      List<TaskReport> tasks, MergeReport merge, TestReport test, PublishReport publish) {
    boolean green =
        merge.status().hasCombination()
            && (test.status() == TestStatus.PASSED || test.status() == TestStatus.SKIPPED);
    if (publish.status() != PublishStatus.SKIPPED || !green) {
      return of(tasks, merge, test, publish);
    }
    TaskReport failed = firstNotDone(tasks);
    if (merge.setAside().isEmpty() && failed == null) {
      return new Verdict(RunStatus.SUCCEEDED, null);
    }
    List<String> left =
        merge.setAside().isEmpty()
            ? List.of(failed.id())
            : merge.setAside().stream().map(SetAside::task).toList();
    String why = merge.setAside().isEmpty() ? taskReason(failed) : merge.setAside().get(0).reason();
    return new Verdict(
        RunStatus.PARTIAL,
        "combined and tested without "
            + String.join(", ", left.stream().map(t -> "'" + t + "'").toList())
            + ": "
            + why
            + "; not published: "
            + publish.reason());
  }

  /** Why a run that published nothing failed, the earliest phase that stopped it first. */
  private static String failure(
      List<TaskReport> tasks, MergeReport merge, TestReport test, PublishReport publish) {
    TaskReport failed = firstNotDone(tasks);
    if (merge.status() == MergeStatus.SKIPPED || merge.status() == MergeStatus.PENDING) {
      return failed != null
          ? taskReason(failed)
          : "merge " + merge.status() + (merge.reason() == null ? "" : ": " + merge.reason());
    }
    if (!merge.status().hasCombination()) {
      return "merge " + merge.status() + (merge.reason() == null ? "" : ": " + merge.reason());
    }
    if (test.status() == TestStatus.FAILED || test.status() == TestStatus.TIMED_OUT) {
      return "test " + test.status() + ": " + test.reason();
    }
    if (publish.status() == PublishStatus.SKIPPED && failed != null) {
      return taskReason(failed);
    }
    // Nothing in a plan turns publishing off, so a run that did not publish did not succeed.
    return "publish " + publish.status() + ": " + publish.reason();
  }

  /** The first task that did not succeed, one that ran before one that was skipped. */
  private static TaskReport firstNotDone(List<TaskReport> tasks) {
    return tasks.stream()
        .filter(t -> !t.status().isDone() && t.status() != TaskStatus.SKIPPED)
        .findFirst()
        .or(() -> tasks.stream().filter(t -> !t.status().isDone()).findFirst())
        .orElse(null);
  }

  private static String taskReason(TaskReport task) {
    return "task '"
        + task.id()
        + "' "
        + task.status()
        + (task.reason() == null ? "" : ": " + task.reason());
  }
}
