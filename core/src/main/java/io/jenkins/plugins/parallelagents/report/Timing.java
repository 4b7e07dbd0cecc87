package io.jenkins.plugins.parallelagents.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the time went.
 *
 * @param makespanMs wall time from start to finish of the run
 * @param criticalPathMs the longest chain of task durations through the dependency graph
 * @param phasesMs wall time per phase (plan, foundation, tasks, prediction, merge, test, publish,
 *     report), in the order they ran
 * @param taskStepsMs time per step of the tasks, summed over all tasks and attempts, in the order
 *     of {@link #TASK_STEP_ORDER}: {@code worktrees} (creating and filling each task's repository,
 *     merging in the needs), then the steps of the attempts ({@link AttemptStep}: {@code setup},
 *     {@code agent}, {@code commit}, {@code verify}, {@code collect}), then {@code diffs} (reading
 *     each task's changes). Tasks run side by side, so the sums may exceed the wall time of the
 *     tasks phase. Reports written before the attempts' steps were timed have {@code agents} (the
 *     setup, agent and verify commands) and {@code commits} instead of the attempt steps.
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

  /**
   * The order of {@link #taskStepsMs}: the order the steps run in; names it does not know (those of
   * older reports) come after, by name.
   */
  public static final Comparator<String> TASK_STEP_ORDER =
      Comparator.comparingInt(Timing::taskStepRank).thenComparing(Comparator.naturalOrder());

  private static int taskStepRank(String step) {
    if (step.equals("worktrees")) {
      return 0;
    }
    for (AttemptStep known : AttemptStep.values()) {
      if (known.key().equals(step)) {
        return 1 + known.ordinal();
      }
    }
    return step.equals("diffs") ? 1 + AttemptStep.values().length : 2 + AttemptStep.values().length;
  }

  public Timing(long makespanMs, long criticalPathMs, Map<String, Long> phasesMs) {
    this(makespanMs, criticalPathMs, phasesMs, Map.of());
  }

  /** A report written before a map existed reads it as empty. */
  private static Map<String, Long> ordered(Map<String, Long> map) {
    return Collections.unmodifiableMap(map == null ? Map.of() : new LinkedHashMap<>(map));
  }
}
