package io.jenkins.plugins.parallelagents.report;

/** Why a task is not in the combined commit. */
public enum SetAsideCause {
  /** The task did not succeed (failed its verify, timed out, was skipped or cancelled). */
  TASK_FAILED,
  /** Its branch conflicts with what was combined before it, and nothing settled the conflict. */
  CONFLICT,
  /** Git could not merge it for another reason than a conflict. */
  MERGE_FAILED,
  /** It needs a task that was set aside; its branch holds that task's work. */
  NEEDS_SET_ASIDE,
  /** The combined test failed with it and passed without it. */
  EJECTED
}
