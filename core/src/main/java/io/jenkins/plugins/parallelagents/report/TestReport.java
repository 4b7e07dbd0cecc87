package io.jenkins.plugins.parallelagents.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test phase: the plan's test command on the combined tree.
 *
 * @param status the outcome on the combination that was finally tested (the published one when it
 *     passed)
 * @param setup the plan's {@code test.setup} command, run before the test in the same tree, or
 *     {@code null}
 * @param failure what the failed test (or its setup) printed, or {@code null} when it passed
 * @param runs every run of the test, in order: the first on everything merged, then the search for
 *     what broke it; empty when the test did not run
 * @param ports the ports the deciding run (the last one) got; empty when the plan names none or the
 *     test did not run
 */
public record TestReport(
    String command,
    TestStatus status,
    Integer exitCode,
    long durationMs,
    String reason,
    String setup,
    FailureExcerpt failure,
    List<TestRun> runs,
    Map<String, Integer> ports) {

  public TestReport {
    runs = runs == null ? List.of() : List.copyOf(runs);
    ports = Collections.unmodifiableMap(ports == null ? Map.of() : new LinkedHashMap<>(ports));
  }

  /** A test phase whose runs got no ports. */
  public TestReport(
      String command,
      TestStatus status,
      Integer exitCode,
      long durationMs,
      String reason,
      String setup,
      FailureExcerpt failure,
      List<TestRun> runs) {
    this(command, status, exitCode, durationMs, reason, setup, failure, runs, null);
  }

  /** A test phase with one outcome and no runs to show: pending, skipped, or failed to start. */
  public TestReport(
      String command, TestStatus status, Integer exitCode, long durationMs, String reason) {
    this(command, status, exitCode, durationMs, reason, null, null, List.of());
  }
}
