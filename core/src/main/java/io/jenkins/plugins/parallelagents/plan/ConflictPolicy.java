package io.jenkins.plugins.parallelagents.plan;

/** What a merge conflict does. */
public enum ConflictPolicy {
  /** Stop the merge and report the conflict. */
  FAIL,
  /** Run the plan's resolver agent on the conflicted tree. */
  RESOLVE
}
