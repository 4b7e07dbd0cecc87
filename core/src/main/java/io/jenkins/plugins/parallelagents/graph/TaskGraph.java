package io.jenkins.plugins.parallelagents.graph;

import io.jenkins.plugins.parallelagents.plan.CycleFinder;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The dependency graph of a valid plan's tasks. Built once in time linear in tasks plus needs (the
 * topological sort adds a logarithm); every query after that touches only what it returns.
 * Immutable, so it may be shared between threads.
 */
public final class TaskGraph {

  private final List<String> ids;
  private final Map<String, Integer> index;
  private final int[][] needs;
  private final int[][] dependants;
  private final List<Set<String>> needSets;
  private final int[] order;
  private final int[] rank;
  private final List<String> topological;

  private TaskGraph(List<String> ids, Map<String, Integer> index, int[][] needs) {
    this.ids = ids;
    this.index = index;
    this.needs = needs;
    this.dependants = invert(needs);
    List<Set<String>> sets = new ArrayList<>(ids.size());
    for (int[] own : needs) {
      Set<String> set = new LinkedHashSet<>();
      for (int need : own) {
        set.add(ids.get(need));
      }
      sets.add(Collections.unmodifiableSet(set));
    }
    this.needSets = List.copyOf(sets);
    this.order = sort();
    this.rank = new int[ids.size()];
    List<String> names = new ArrayList<>(order.length);
    for (int position = 0; position < order.length; position++) {
      rank[order[position]] = position;
      names.add(ids.get(order[position]));
    }
    this.topological = List.copyOf(names);
  }

  /**
   * Builds the graph; the tasks must be valid (known needs, no cycle).
   *
   * @throws IllegalArgumentException for a repeated id, a need that is not a task, or a cycle
   */
  public static TaskGraph of(List<Task> tasks) {
    Map<String, Integer> index = new HashMap<>();
    List<String> ids = new ArrayList<>(tasks.size());
    for (Task task : tasks) {
      if (index.putIfAbsent(task.id(), ids.size()) != null) {
        throw new IllegalArgumentException("task id '" + task.id() + "' is used twice");
      }
      ids.add(task.id());
    }
    int[][] needs = new int[tasks.size()][];
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      needs[i] =
          task.needs().stream()
              .distinct()
              .mapToInt(need -> known(index, need, task.id()))
              .toArray();
    }
    return new TaskGraph(List.copyOf(ids), Collections.unmodifiableMap(index), needs);
  }

  private static int known(Map<String, Integer> index, String need, String task) {
    if (need.equals(task)) {
      throw new IllegalArgumentException("task '" + task + "' needs itself");
    }
    Integer position = index.get(need);
    if (position == null) {
      throw new IllegalArgumentException("task '" + task + "' needs '" + need + "', not a task");
    }
    return position;
  }

  /** All task ids in plan order. */
  public List<String> ids() {
    return ids;
  }

  /** All task ids, dependencies before dependants, plan order among equals. */
  public List<String> topologicalOrder() {
    return topological;
  }

  /** The tasks {@code id} needs directly. */
  public Set<String> needs(String id) {
    return needSets.get(indexOf(id));
  }

  /** The tasks that need {@code id} directly, in topological order. */
  public Set<String> dependants(String id) {
    return names(sortedByRank(dependants[indexOf(id)]));
  }

  /** Every task that needs {@code id}, directly or through others, in topological order. */
  public Set<String> transitiveDependants(String id) {
    boolean[] seen = new boolean[ids.size()];
    Deque<Integer> pending = new ArrayDeque<>();
    pending.push(indexOf(id));
    List<Integer> found = new ArrayList<>();
    while (!pending.isEmpty()) {
      for (int dependant : dependants[pending.pop()]) {
        if (!seen[dependant]) {
          seen[dependant] = true;
          found.add(dependant);
          pending.push(dependant);
        }
      }
    }
    return names(sortedByRank(found.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Longest sum of durations along a dependency chain; missing durations count as zero. */
  public long criticalPathMs(Map<String, Long> durationsMs) {
    long[] finish = finishTimes(durationsMs);
    return Arrays.stream(finish).max().orElse(0);
  }

  /**
   * The chain of tasks whose summed durations make {@link #criticalPathMs}, first task first; empty
   * for a graph without tasks.
   */
  public List<String> criticalPath(Map<String, Long> durationsMs) {
    long[] finish = finishTimes(durationsMs);
    int last = -1;
    for (int task : order) {
      if (last < 0 || finish[task] > finish[last]) {
        last = task;
      }
    }
    List<String> path = new ArrayList<>();
    while (last >= 0) {
      path.add(0, ids.get(last));
      int previous = -1;
      for (int need : needs[last]) {
        if (previous < 0 || finish[need] > finish[previous]) {
          previous = need;
        }
      }
      last = previous;
    }
    return List.copyOf(path);
  }

  /** When each task would finish if every task started as soon as its needs finished. */
  private long[] finishTimes(Map<String, Long> durationsMs) {
    long[] finish = new long[ids.size()];
    for (int task : order) {
      long start = 0;
      for (int need : needs[task]) {
        start = Math.max(start, finish[need]);
      }
      finish[task] = start + Math.max(0, durationsMs.getOrDefault(ids.get(task), 0L));
    }
    return finish;
  }

  /** Kahn's algorithm, always taking the ready task that comes first in the plan. */
  private int[] sort() {
    int[] waiting = new int[ids.size()];
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < needs.length; i++) {
      waiting[i] = needs[i].length;
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    int[] sorted = new int[ids.size()];
    int done = 0;
    while (!ready.isEmpty()) {
      int task = ready.poll();
      sorted[done++] = task;
      for (int dependant : dependants[task]) {
        if (--waiting[dependant] == 0) {
          ready.add(dependant);
        }
      }
    }
    if (done < ids.size()) {
      throw new IllegalArgumentException("the needs form a cycle: " + describeCycle());
    }
    return sorted;
  }

  private String describeCycle() {
    Map<String, List<String>> byId = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      byId.put(ids.get(i), List.copyOf(needSets.get(i)));
    }
    List<String> cycle = CycleFinder.find(ids, byId).get(0);
    return String.join(" -> ", cycle) + " -> " + cycle.get(0);
  }

  private int indexOf(String id) {
    Integer position = index.get(id);
    if (position == null) {
      throw new IllegalArgumentException("no task '" + id + "'");
    }
    return position;
  }

  private int[] sortedByRank(int[] tasks) {
    return Arrays.stream(tasks)
        .boxed()
        .sorted((a, b) -> Integer.compare(rank[a], rank[b]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private Set<String> names(int[] tasks) {
    Set<String> result = new LinkedHashSet<>();
    for (int task : tasks) {
      result.add(ids.get(task));
    }
    return Collections.unmodifiableSet(result);
  }

  private static int[][] invert(int[][] needs) {
    int[] counts = new int[needs.length];
    for (int[] own : needs) {
      for (int need : own) {
        counts[need]++;
      }
    }
    int[][] dependants = new int[needs.length][];
    for (int i = 0; i < needs.length; i++) {
      dependants[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (int task = 0; task < needs.length; task++) {
      for (int need : needs[task]) {
        dependants[need][counts[need]++] = task;
      }
    }
    return dependants;
  }
}
