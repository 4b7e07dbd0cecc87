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
 * The rows of the live progress table, as plain text: one header, one row per task (id, state with
 * the step a running task is in, elapsed, attempt, last output line), and a line saying which phase
 * the run is in. Every line fits in the width, because a wrapped line would break redrawing in
 * place.
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
   * @param steps the step each running task is in, by task id, such as {@code verify}
   * @param phase what the run is doing, e.g. {@code tasks} or {@code merge: MERGED}
   */
  List<String> render(
      Collection<TaskReport> tasks,
      Map<String, String> lastLines,
      Map<String, String> steps,
      String phase,
      Instant now,
      int width) {
    int idWidth = HEADER[0].length();
    // The state column grows while a task shows its step, so the columns after it stay aligned.
    int stateWidth = STATE_WIDTH;
    for (TaskReport task : tasks) {
      idWidth = Math.max(idWidth, task.id().length());
      stateWidth = Math.max(stateWidth, state(task, steps).length());
    }
    List<String> lines = new ArrayList<>();
    lines.add(row(idWidth, stateWidth, HEADER[0], HEADER[1], HEADER[2], HEADER[3], HEADER[4]));
    for (TaskReport task : tasks) {
      lines.add(
          row(
              idWidth,
              stateWidth,
              task.id(),
              state(task, steps),
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
      int idWidth,
      int stateWidth,
      String id,
      String state,
      String elapsed,
      String attempt,
      String detail) {
    return Words.pad(id, idWidth)
        + GAP
        + Words.pad(state, stateWidth)
        + GAP
        + Words.pad(elapsed, ELAPSED_WIDTH)
        + GAP
        + Words.pad(attempt, ATTEMPT_WIDTH)
        + GAP
        + detail;
  }

  /** {@code RUNNING: verify} while a running task is in a step; else the status. */
  private static String state(TaskReport task, Map<String, String> steps) {
    String step = steps.get(task.id());
    return task.status() == TaskStatus.RUNNING && step != null
        ? task.status().name() + ": " + step
        : task.status().name();
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
