package io.jenkins.plugins.parallelagents.graph;

import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dependency graph of a valid plan's tasks. */
public final class TaskGraph {

  /** Builds the graph; the tasks must be valid (known needs, no cycle). */
  public static TaskGraph of(List<Task> tasks) {
    throw new UnsupportedOperationException("not yet");
  }

  /** All task ids, dependencies before dependants, plan order among equals. */
  public List<String> topologicalOrder() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The tasks {@code id} needs directly. */
  public Set<String> needs(String id) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Every task that needs {@code id}, directly or through others. */
  public Set<String> transitiveDependants(String id) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Longest sum of durations along a dependency chain; missing durations count as zero. */
  public long criticalPathMs(Map<String, Long> durationsMs) {
    throw new UnsupportedOperationException("not yet");
  }
}
