package io.jenkins.plugins.parallelagents.report;

/** Outcome of combining the task branches. */
public enum MergeStatus {
  PENDING,
  /** Every task branch is in the combined commit. */
  MERGED,
  /** Every task branch is in the combined commit; the resolver agent settled a conflict. */
  RESOLVED,
  /** Some task branches are in the combined commit; the others are set aside, each with why. */
  PARTIAL,
  /** No task branch could be combined: each conflicted or was set aside. */
  CONFLICT,
  FAILED,
  SKIPPED;

  /** Whether every task branch is in the combined commit. */
  public boolean isMerged() {
    return this == MERGED || this == RESOLVED;
  }

  /** Whether there is a combined commit to test and publish, holding all or some of the tasks. */
  public boolean hasCombination() {
    return isMerged() || this == PARTIAL;
  }
}
