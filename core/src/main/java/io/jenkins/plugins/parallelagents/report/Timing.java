package io.jenkins.plugins.parallelagents.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the time went.
 *
 * @param makespanMs wall time from start to finish of the run
 * @param criticalPathMs the longest chain of task durations through the dependency graph
 * @param phasesMs wall time per phase (plan, foundation, tasks, prediction, merge, test, publish,
 *     report), in the order they ran
 * @param taskStepsMs time per step of the tasks ({@code worktrees}: creating and filling each
 *     worktree, merging in the needs; {@code agents}: setup, agent and verify commands; {@code
 *     commits}: committing what the agents left; {@code diffs}: reading each task's changes),
 *     summed over all tasks and attempts; tasks run side by side, so the sums may exceed the wall
 *     time of the tasks phase
 */
public record Timing(
    long makespanMs,
    long criticalPathMs,
    Map<String, Long> phasesMs,
    Map<String, Long> taskStepsMs) {
  public Timing {
    phasesMs = ordered(phasesMs);
    taskStepsMs = ordered(taskStepsMs);
  }

  public Timing(long makespanMs, long criticalPathMs, Map<String, Long> phasesMs) {
    this(makespanMs, criticalPathMs, phasesMs, Map.of());
  }

  /** A report written before a map existed reads it as empty. */
  private static Map<String, Long> ordered(Map<String, Long> map) {
    return Collections.unmodifiableMap(map == null ? Map.of() : new LinkedHashMap<>(map));
  }
}
