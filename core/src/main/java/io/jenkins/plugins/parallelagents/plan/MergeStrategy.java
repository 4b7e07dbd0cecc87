package io.jenkins.plugins.parallelagents.plan;

/** How task branches are combined onto the integration line. */
public enum MergeStrategy {
  /** A merge commit per task, one branch at a time. */
  MERGE,
  /** One commit per task, linear history. */
  SQUASH,
  /** Each task commit replayed, linear history. */
  REBASE
}
