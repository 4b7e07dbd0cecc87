package io.jenkins.plugins.parallelagents.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tasks make a run's critical path, read from the report alone (so that it works for any
 * report, old ones and those of Jenkins builds too): every foundation task, since they run one
 * after another, then the chain of needs through the other tasks whose durations add up the most.
 * Its length is the report's {@code timing.criticalPathMs}.
 */
final class CriticalChain {

  private final Map<String, TaskReport> byId = new HashMap<>();
  private final Map<String, Long> longest = new HashMap<>();
  private final Set<String> visiting = new HashSet<>();

  private CriticalChain(List<TaskReport> tasks) {
    for (TaskReport task : tasks) {
      if (!task.foundation()) {
        byId.putIfAbsent(task.id(), task);
      }
    }
  }

  /** The ids of the tasks on the critical path, foundation first, then the chain in order. */
  static Set<String> of(List<TaskReport> tasks) {
    CriticalChain chain = new CriticalChain(tasks);
    Set<String> ids = new LinkedHashSet<>();
    tasks.stream().filter(TaskReport::foundation).forEach(t -> ids.add(t.id()));
    String last = null;
    for (TaskReport task : tasks) {
      if (!task.foundation()
          && task.durationMs() > 0
          && (last == null || chain.length(task.id()) > chain.length(last))) {
        last = task.id();
      }
    }
    ids.addAll(chain.endingAt(last));
    return ids;
  }

  /** The chain whose last task is {@code last}, first task first. */
  private List<String> endingAt(String last) {
    List<String> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String at = last; at != null && seen.add(at); at = heaviestNeed(at)) {
      path.add(0, at);
    }
    return path;
  }

  private String heaviestNeed(String id) {
    String heaviest = null;
    for (String need : byId.get(id).needs()) {
      if (byId.containsKey(need)
          && length(need) > 0
          && (heaviest == null || length(need) > length(heaviest))) {
        heaviest = need;
      }
    }
    return heaviest;
  }

  /**
   * The summed durations of the heaviest chain ending with {@code id}. A plan's needs have no
   * cycle, but a report is a file anyone can edit: a need that leads back to a task being measured
   * counts for nothing, rather than recursing forever.
   */
  private long length(String id) {
    Long known = longest.get(id);
    if (known != null) {
      return known;
    }
    if (!visiting.add(id)) {
      return 0;
    }
    TaskReport task = byId.get(id);
    long heaviest = 0;
    for (String need : task.needs()) {
      if (byId.containsKey(need)) {
        heaviest = Math.max(heaviest, length(need));
      }
    }
    visiting.remove(id);
    long total = task.durationMs() + heaviest;
    longest.put(id, total);
    return total;
  }
}
