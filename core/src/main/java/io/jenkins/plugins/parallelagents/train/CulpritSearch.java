package io.jenkins.plugins.parallelagents.train;

import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Finds what turns the combined test red, by bisection over the merge order, as a merge train finds
 * the merge request that broke it: the first prefix of the merged tasks whose combination is red
 * ends with the culprit. When the culprit is green on its own, a second bisection finds the earlier
 * task it fails with (a semantic conflict between two tasks, each green alone).
 *
 * <p>It assumes what merge trains assume: a combination stays red once a task made it red. The
 * combination of no task (the integration start) is taken to be green, and tested only when the
 * first task is the one found: then a red start means no task is to blame. Each probe is a test
 * run; the probe says when the budget is spent.
 */
final class CulpritSearch {

  /** Tests one combination; empty when no test run is left. */
  interface Probe {
    Optional<CombinedTestCommand.Result> test(String commit, List<String> tasks, String purpose);
  }

  /**
   * @param task the task to set aside, or {@code null} when the test fails with no task at all: the
   *     integration start is red and no task is to blame
   * @param partner the earlier task it fails with, when it passes on its own; {@code null} when it
   *     fails alone or the pair could not be narrowed down
   * @param failingTests the failing tests of the red run that named it
   */
  record Culprit(TaskBranch task, TaskBranch partner, List<String> failingTests) {
    boolean startIsRed() {
      return task == null;
    }
  }

  private final Probe probe;
  private final BiFunction<String, TaskBranch, String> combine;

  /**
   * @param combine merges a task onto a commit, returning the combination's commit, or {@code null}
   *     when it does not merge cleanly
   */
  CulpritSearch(Probe probe, BiFunction<String, TaskBranch, String> combine) {
    this.probe = probe;
    this.combine = combine;
  }

  /**
   * Searches {@code merged} (in merge order) for the culprit of {@code red}, the failing run on all
   * of them.
   *
   * @param heads the combined commit after each merged task
   * @return the culprit, or empty when the budget ran out before the search found one
   */
  Optional<Culprit> find(
      String start,
      List<TaskBranch> merged,
      Map<String, String> heads,
      CombinedTestCommand.Result red) {
    int lo = 0;
    int hi = merged.size();
    CombinedTestCommand.Result evidence = red;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      Optional<CombinedTestCommand.Result> run =
          probe.test(
              commitAt(start, merged, heads, mid),
              ids(merged.subList(0, mid)),
              "search: the first " + mid + " of " + merged.size() + " tasks");
      if (run.isEmpty()) {
        return Optional.empty();
      }
      if (run.get().passed()) {
        lo = mid;
      } else {
        hi = mid;
        evidence = run.get();
      }
    }
    TaskBranch culprit = merged.get(hi - 1);
    if (hi == 1) {
      // The first task alone is red: unless the start is red without it.
      Optional<CombinedTestCommand.Result> base =
          probe.test(start, List.of(), "the integration start, no task merged");
      if (base.isPresent() && !base.get().passed()) {
        return Optional.of(new Culprit(null, null, failing(base.get())));
      }
      return Optional.of(new Culprit(culprit, null, failing(evidence)));
    }
    String alone = combine.apply(start, culprit);
    if (alone == null) {
      return Optional.of(new Culprit(culprit, null, failing(evidence)));
    }
    Optional<CombinedTestCommand.Result> single =
        probe.test(alone, List.of(culprit.taskId()), "'" + culprit.taskId() + "' alone");
    if (single.isEmpty() || !single.get().passed()) {
      return Optional.of(
          new Culprit(culprit, null, failing(single.isEmpty() ? evidence : single.get())));
    }
    return Optional.of(partner(start, merged, heads, culprit, hi - 1, evidence));
  }

  /**
   * The earlier task {@code culprit} fails with: the first prefix of the tasks before it that is
   * red with it added. With none of them it is green (just tested), with all of them red.
   */
  private Culprit partner(
      String start,
      List<TaskBranch> merged,
      Map<String, String> heads,
      TaskBranch culprit,
      int before,
      CombinedTestCommand.Result evidence) {
    int lo = 0;
    int hi = before;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      String combination = combine.apply(commitAt(start, merged, heads, mid), culprit);
      if (combination == null) {
        return new Culprit(culprit, null, failing(evidence));
      }
      List<String> tasks = new ArrayList<>(ids(merged.subList(0, mid)));
      tasks.add(culprit.taskId());
      Optional<CombinedTestCommand.Result> run =
          probe.test(
              combination,
              tasks,
              "search: '" + culprit.taskId() + "' with the first " + mid + " tasks");
      if (run.isEmpty()) {
        return new Culprit(culprit, null, failing(evidence));
      }
      if (run.get().passed()) {
        lo = mid;
      } else {
        hi = mid;
        evidence = run.get();
      }
    }
    return new Culprit(culprit, merged.get(hi - 1), failing(evidence));
  }

  /** The combination of the first {@code count} merged tasks. */
  private static String commitAt(
      String start, List<TaskBranch> merged, Map<String, String> heads, int count) {
    return count == 0 ? start : heads.get(merged.get(count - 1).taskId());
  }

  private static List<String> ids(List<TaskBranch> tasks) {
    return tasks.stream().map(TaskBranch::taskId).toList();
  }

  private static List<String> failing(CombinedTestCommand.Result run) {
    return run.failure() == null ? List.of() : run.failure().failingTests();
  }
}
