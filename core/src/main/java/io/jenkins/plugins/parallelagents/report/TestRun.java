package io.jenkins.plugins.parallelagents.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the combined test on one combination of task branches: the first run on everything
 * merged, then the runs that searched for what broke it and the run on what was left.
 *
 * @param tasks the task branches in the combination, in merge order
 * @param commit the combination's commit, or {@code null} when it could not be merged
 * @param purpose why this combination was tested, one line
 * @param ports the port of each variable of the plan's {@code environment.ports} that this run got;
 *     empty when the plan names none
 */
public record TestRun(
    List<String> tasks,
    String commit,
    TestStatus status,
    long durationMs,
    List<String> failingTests,
    String purpose,
    Map<String, Integer> ports) {
  public TestRun {
    tasks = List.copyOf(tasks);
    failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
    ports = Collections.unmodifiableMap(ports == null ? Map.of() : new LinkedHashMap<>(ports));
  }

  /** A run that got no ports. */
  public TestRun(
      List<String> tasks,
      String commit,
      TestStatus status,
      long durationMs,
      List<String> failingTests,
      String purpose) {
    this(tasks, commit, status, durationMs, failingTests, purpose, null);
  }
}
