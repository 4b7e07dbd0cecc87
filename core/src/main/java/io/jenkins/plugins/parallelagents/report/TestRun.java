package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * One run of the combined test on one combination of task branches: the first run on everything
 * merged, then the runs that searched for what broke it and the run on what was left.
 *
 * @param tasks the task branches in the combination, in merge order
 * @param commit the combination's commit, or {@code null} when it could not be merged
 * @param purpose why this combination was tested, one line
 */
public record TestRun(
    List<String> tasks,
    String commit,
    TestStatus status,
    long durationMs,
    List<String> failingTests,
    String purpose) {
  public TestRun {
    tasks = List.copyOf(tasks);
    failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
  }
}
