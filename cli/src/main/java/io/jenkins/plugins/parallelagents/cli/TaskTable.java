package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The rows of the live progress table, as plain text: one header, one row per task (id, state,
 * elapsed, attempt, last output line), and a line saying which phase the run is in. Every line fits
 * in the width, because a wrapped line would break redrawing in place.
 */
final class TaskTable {

  private static final String[] HEADER = {"TASK", "STATE", "ELAPSED", "ATTEMPT", "OUTPUT"};
  private static final int STATE_WIDTH = "NO_CHANGES".length();
  private static final int ELAPSED_WIDTH = "59m59s".length() + 1;
  private static final int ATTEMPT_WIDTH = HEADER[3].length();
  private static final String GAP = "  ";

  private final Map<String, Integer> plannedAttempts;

  TaskTable(Map<String, Integer> plannedAttempts) {
    this.plannedAttempts = Map.copyOf(plannedAttempts);
  }

  /**
   * @param lastLines the last output line per task id, already cleaned
   * @param phase what the run is doing, e.g. {@code tasks} or {@code merge: MERGED}
   */
  List<String> render(
      Collection<TaskReport> tasks,
      Map<String, String> lastLines,
      String phase,
      Instant now,
      int width) {
    int idWidth = HEADER[0].length();
    for (TaskReport task : tasks) {
      idWidth = Math.max(idWidth, task.id().length());
    }
    List<String> lines = new ArrayList<>();
    lines.add(row(idWidth, HEADER[0], HEADER[1], HEADER[2], HEADER[3], HEADER[4]));
    for (TaskReport task : tasks) {
      lines.add(
          row(
              idWidth,
              task.id(),
              task.status().name(),
              elapsed(task, now),
              task.status() == TaskStatus.PENDING
                  ? ""
                  : TaskText.attempt(task, plannedAttempts.getOrDefault(task.id(), 1)),
              detail(task, lastLines.get(task.id()))));
    }
    lines.add("phase: " + phase);
    return lines.stream()
        .map(line -> TerminalText.truncate(line.stripTrailing(), width - 1))
        .toList();
  }

  private static String row(
      int idWidth, String id, String state, String elapsed, String attempt, String detail) {
    return Words.pad(id, idWidth)
        + GAP
        + Words.pad(state, STATE_WIDTH)
        + GAP
        + Words.pad(elapsed, ELAPSED_WIDTH)
        + GAP
        + Words.pad(attempt, ATTEMPT_WIDTH)
        + GAP
        + detail;
  }

  private static String elapsed(TaskReport task, Instant now) {
    if (task.startedAt() == null) {
      return "";
    }
    if (task.status() == TaskStatus.RUNNING) {
      return Durations.format(Duration.between(task.startedAt(), now).toMillis());
    }
    return Durations.format(task.durationMs());
  }

  /** While running, what the agent said last; once failed, why. */
  private static String detail(TaskReport task, String lastLine) {
    if (task.status().isFinal() && !task.status().isDone() && task.reason() != null) {
      return task.reason();
    }
    if (task.status() == TaskStatus.SUCCEEDED) {
      return "+" + task.insertions() + " -" + task.deletions();
    }
    return lastLine == null ? "" : lastLine;
  }
}
