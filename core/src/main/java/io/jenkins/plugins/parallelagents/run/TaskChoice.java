package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.agent.AttemptResult;
import io.jenkins.plugins.parallelagents.git.FileChange;
import io.jenkins.plugins.parallelagents.git.HistoryReader;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the outcome of a task from its attempts (best-of-N): the first-ranked attempt that passed
 * verify, the smallest diff first; else an attempt that changed nothing; else the task failed.
 */
final class TaskChoice {

  private final List<AttemptResult> results;
  private final Map<Integer, List<FileChange>> changes;
  private final AttemptResult chosen;

  private TaskChoice(List<AttemptResult> results, Map<Integer, List<FileChange>> changes) {
    this.results = results;
    this.changes = changes;
    this.chosen =
        results.stream()
            .filter(r -> r.status() == TaskStatus.SUCCEEDED)
            .min(
                Comparator.comparingInt((AttemptResult r) -> diffLines(r.attempt()))
                    .thenComparingInt(AttemptResult::attempt))
            .or(() -> results.stream().filter(r -> r.status() == TaskStatus.NO_CHANGES).findFirst())
            .orElse(null);
  }

  static TaskChoice of(List<AttemptResult> results, HistoryReader history) {
    Map<Integer, List<FileChange>> changes = new HashMap<>();
    for (AttemptResult r : results) {
      if (r.startCommit() != null && r.commit() != null) {
        changes.put(r.attempt(), history.diffStat(r.startCommit(), r.commit()));
      }
    }
    return new TaskChoice(results, changes);
  }

  /** The attempt the task stands for, or {@code null} when none succeeded. */
  AttemptResult chosen() {
    return chosen;
  }

  /** The chosen attempt, or else the first one that left a commit, to show what was tried. */
  AttemptResult representative() {
    if (chosen != null) {
      return chosen;
    }
    return results.stream().filter(r -> changes.containsKey(r.attempt())).findFirst().orElse(null);
  }

  TaskStatus status() {
    if (chosen != null) {
      return chosen.status();
    }
    if (results.stream().anyMatch(r -> r.status() == TaskStatus.CANCELLED)) {
      return TaskStatus.CANCELLED;
    }
    boolean allTimedOut = results.stream().allMatch(r -> r.status() == TaskStatus.TIMED_OUT);
    return allTimedOut ? TaskStatus.TIMED_OUT : TaskStatus.FAILED;
  }

  String reason() {
    if (chosen != null && chosen.status() == TaskStatus.SUCCEEDED) {
      return null;
    }
    if (chosen != null) {
      return chosen.reason();
    }
    if (results.size() == 1) {
      return results.get(0).reason();
    }
    return "all " + results.size() + " attempts failed; attempt 1: " + results.get(0).reason();
  }

  List<FileChange> changes(int attempt) {
    return changes.getOrDefault(attempt, List.of());
  }

  int diffLines(int attempt) {
    return changes(attempt).stream().mapToInt(c -> c.insertions() + c.deletions()).sum();
  }
}
