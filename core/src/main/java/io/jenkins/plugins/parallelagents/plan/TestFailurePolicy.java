package io.jenkins.plugins.parallelagents.plan;

/** What a red combined test does. */
public enum TestFailurePolicy {
  /**
   * Find the task (or the pair of tasks) that breaks the test, set it aside, and test the rest; a
   * green rest is published and the run ends PARTIAL.
   */
  EJECT,
  /** Publish nothing: the run fails, as a red test always did. */
  FAIL
}
