package io.jenkins.plugins.parallelagents.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated plan: a foundation task, then tasks of a chosen shape, each with its agent's
 * duration. Knows its own critical path and what a wave-by-wave schedule would take, the two
 * yardsticks the engine's makespan is held against.
 */
final class BenchPlan {

  static final String FOUNDATION = "base";

  private final List<BenchTask> tasks;

  private BenchPlan(List<BenchTask> tasks) {
    this.tasks = List.copyOf(tasks);
  }

  /** A foundation, then {@code n} tasks that each need only the foundation; agents do no wait. */
  static BenchPlan fanOut(int n) {
    List<BenchTask> tasks = new ArrayList<>();
    tasks.add(new BenchTask(FOUNDATION, List.of(), true, 0));
    for (int i = 1; i <= n; i++) {
      tasks.add(new BenchTask(id(i), List.of(FOUNDATION), false, 0));
    }
    return new BenchPlan(tasks);
  }

  /**
   * A foundation of {@code foundationMs}, then {@code chains} chains of {@code length} tasks, each
   * task needing the one before it. Long and short agents alternate along each chain, and the next
   * chain starts where the last one did not: every level of the graph holds a long agent, so a
   * schedule that waits for whole levels waits for the longest one each time, while the longest
   * chain holds only about half of them.
   */
  static BenchPlan chains(int chains, int length, long foundationMs, long shortMs, long longMs) {
    List<BenchTask> tasks = new ArrayList<>();
    tasks.add(new BenchTask(FOUNDATION, List.of(), true, foundationMs));
    int n = 0;
    for (int c = 0; c < chains; c++) {
      String previous = null;
      for (int k = 0; k < length; k++) {
        String id = id(++n);
        long ms = (c + k) % 2 == 0 ? longMs : shortMs;
        tasks.add(
            new BenchTask(
                id, previous == null ? List.of(FOUNDATION) : List.of(previous), false, ms));
        previous = id;
      }
    }
    return new BenchPlan(tasks);
  }

  private static String id(int i) {
    return String.format("t%03d", i);
  }

  List<BenchTask> tasks() {
    return tasks;
  }

  /** The tasks after the foundation, in plan order. */
  List<String> fanOutIds() {
    return tasks.stream().filter(t -> !t.foundation()).map(BenchTask::id).toList();
  }

  /** The longest chain of agent durations through the graph: no schedule can beat it. */
  long criticalPathMs() {
    Map<String, Long> finish = new HashMap<>();
    long longest = 0;
    for (BenchTask task : tasks) { // plan order is a topological order here
      long start = task.needs().stream().mapToLong(finish::get).max().orElse(0);
      finish.put(task.id(), start + task.durationMs());
      longest = Math.max(longest, start + task.durationMs());
    }
    return longest;
  }

  /**
   * What running the graph level by level takes: each wave starts when the slowest task of the one
   * before has finished.
   */
  long waveScheduleMs() {
    Map<String, Integer> level = new HashMap<>();
    Map<Integer, Long> slowest = new HashMap<>();
    for (BenchTask task : tasks) {
      int l = task.needs().stream().mapToInt(level::get).max().orElse(-1) + 1;
      level.put(task.id(), l);
      slowest.merge(l, task.durationMs(), Math::max);
    }
    return slowest.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The plan file. Each distinct duration gets an agent profile of its own, since the agent's
   * arguments are the only thing a plan can vary per task besides its id.
   */
  String yaml(Path agentScript, int maxParallel) {
    Set<Long> durations = new LinkedHashSet<>();
    tasks.forEach(t -> durations.add(t.durationMs()));
    StringBuilder y = new StringBuilder();
    y.append("version: 1\nname: bench\ntarget: bench/target\n");
    y.append("maxParallel: ").append(maxParallel).append('\n');
    y.append("agents:\n");
    for (long ms : durations) {
      y.append("  ")
          .append(profile(ms))
          .append(": { command: [\"bash\", \"")
          .append(agentScript)
          .append("\", \"{task}\", \"")
          .append(seconds(ms))
          .append("\"] }\n");
    }
    y.append("tasks:\n");
    for (BenchTask task : tasks) {
      y.append("  - id: ").append(task.id()).append('\n');
      y.append("    agent: ").append(profile(task.durationMs())).append('\n');
      if (task.foundation()) {
        y.append("    foundation: true\n");
      }
      if (!task.needs().isEmpty()) {
        y.append("    needs: [").append(String.join(", ", task.needs())).append("]\n");
      }
      y.append("    prompt: Change the files of ").append(task.id()).append(".\n");
    }
    return y.toString();
  }

  private static String profile(long ms) {
    return "wait" + ms + "ms";
  }

  static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
  }
}
