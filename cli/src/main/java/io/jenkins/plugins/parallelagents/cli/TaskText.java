package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;

/** How a task's state reads in event lines and in the summary. */
final class TaskText {

  private TaskText() {}

  /** {@code 2/3}: the attempt that is running (or the last one started) of those planned. */
  static String attempt(TaskReport task, int plannedAttempts) {
    int started = Math.max(1, task.attempts().size());
    return started + "/" + Math.max(plannedAttempts, started);
  }

  /**
   * The status with what matters about it: {@code RUNNING attempt 1/3}, {@code SUCCEEDED 6.1s +42
   * -3}, {@code FAILED 3.0s: verify exited with 1}.
   */
  static String status(TaskReport task, int plannedAttempts) {
    String details = details(task, plannedAttempts);
    if (details.isEmpty()) {
      return task.status().name();
    }
    return task.status().name() + (details.startsWith(":") ? "" : " ") + details;
  }

  /** What {@link #status} says after the status name, e.g. {@code 6.1s +42 -3}. */
  static String details(TaskReport task, int plannedAttempts) {
    TaskStatus status = task.status();
    StringBuilder text = new StringBuilder();
    if (status == TaskStatus.RUNNING) {
      text.append("attempt ").append(attempt(task, plannedAttempts));
    } else if (status.isFinal() && task.startedAt() != null) {
      text.append(Durations.format(task.durationMs()));
    }
    if (status == TaskStatus.SUCCEEDED) {
      text.append(" +").append(task.insertions()).append(" -").append(task.deletions());
    }
    if (status.isFinal() && !status.isDone() && task.reason() != null) {
      text.append(": ").append(task.reason());
    }
    return text.toString();
  }
}
