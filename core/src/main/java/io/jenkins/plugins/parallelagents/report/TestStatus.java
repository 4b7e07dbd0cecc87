package io.jenkins.plugins.parallelagents.report;

/** Outcome of the plan's test command on the combined tree. */
public enum TestStatus {
  PENDING,
  PASSED,
  FAILED,
  TIMED_OUT,
  /** Not run: no test command, or nothing to test because an earlier phase failed. */
  SKIPPED
}
