package io.jenkins.plugins.parallelagents.report;

import java.util.Map;

/**
 * Where the time went.
 *
 * @param makespanMs wall time from start to finish of the run
 * @param criticalPathMs the longest chain of task durations through the dependency graph
 * @param phasesMs wall time per phase (plan, foundation, tasks, prediction, merge, test, publish,
 *     report), in the order they ran
 */
public record Timing(long makespanMs, long criticalPathMs, Map<String, Long> phasesMs) {
  public Timing {
    phasesMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phasesMs));
  }
}
