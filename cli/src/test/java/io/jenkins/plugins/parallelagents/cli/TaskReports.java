package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.usage.AgentUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic task states, as the engine would report them. */
final class TaskReports {

  static final Instant START = Instant.parse("2026-11-28T12:01:03Z");

  private TaskReports() {}

  static TaskReport pending(String id) {
    return TaskReport.pending(id, id, false, List.of());
  }

  /** Running its {@code attemptsStarted}-th attempt since {@link #START}. */
  static TaskReport running(String id, int attemptsStarted) {
    List<AttemptReport> attempts = new ArrayList<>();
    for (int n = 1; n <= attemptsStarted; n++) {
      attempts.add(
          new AttemptReport(n, TaskStatus.RUNNING, null, 0, branch(id), null, null, 0, null));
    }
    return new TaskReport(
        id,
        id,
        false,
        List.of(),
        TaskStatus.RUNNING,
        branch(id),
        null,
        attempts,
        null,
        List.of(),
        0,
        0,
        List.of(),
        START,
        null,
        0,
        null);
  }

  static TaskReport finished(
      String id, TaskStatus status, long durationMs, int insertions, int deletions, String reason) {
    AttemptReport attempt =
        new AttemptReport(
            1, status, 0, durationMs, branch(id), "c0ffee", List.of("c0ffee"), 0, reason);
    return new TaskReport(
        id,
        id,
        false,
        List.of(),
        status,
        branch(id),
        "c0ffee",
        List.of(attempt),
        1,
        List.of(),
        insertions,
        deletions,
        List.of(),
        START,
        START.plusMillis(durationMs),
        durationMs,
        reason);
  }

  static TaskReport skipped(String id, String reason) {
    return new TaskReport(
        id,
        id,
        false,
        List.of(),
        TaskStatus.SKIPPED,
        null,
        null,
        List.of(),
        null,
        List.of(),
        0,
        0,
        List.of(),
        null,
        null,
        0,
        reason);
  }

  /** {@code task} whose attempts' agents each reported {@code usage}. */
  static TaskReport withUsage(TaskReport task, AgentUsage usage) {
    return new TaskReport(
        task.id(),
        task.title(),
        task.foundation(),
        task.needs(),
        task.status(),
        task.branch(),
        task.commit(),
        task.attempts().stream().map(a -> a.withUsage(usage)).toList(),
        task.chosenAttempt(),
        task.changedFiles(),
        task.insertions(),
        task.deletions(),
        task.outsideDeclaredPaths(),
        task.startedAt(),
        task.finishedAt(),
        task.durationMs(),
        task.reason());
  }

  private static String branch(String id) {
    return "agents/r1/" + id;
  }
}
