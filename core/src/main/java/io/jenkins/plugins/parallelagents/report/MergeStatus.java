package io.jenkins.plugins.parallelagents.report;

/** Outcome of combining the task branches. */
public enum MergeStatus {
  PENDING,
  MERGED,
  /** A conflict the resolver agent settled. */
  RESOLVED,
  CONFLICT,
  FAILED,
  SKIPPED;

  /** Whether every task branch is in the combined commit. */
  public boolean isMerged() {
    return this == MERGED || this == RESOLVED;
  }
}
