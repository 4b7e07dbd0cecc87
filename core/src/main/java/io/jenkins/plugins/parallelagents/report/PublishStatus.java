package io.jenkins.plugins.parallelagents.report;

/** Outcome of publishing the combined branch. */
public enum PublishStatus {
  PENDING,
  /** Pushed to the remote (and the local branch updated). */
  PUSHED,
  /** Local branch updated; the plan names no remote. */
  UPDATED,
  /** The target moved meanwhile (or is checked out); nothing was overwritten. */
  REJECTED,
  FAILED,
  SKIPPED,
  /**
   * The host was asked not to publish ({@code finish --no-publish}): the run can still succeed, its
   * result combined and tested.
   */
  NOT_REQUESTED;

  /** Whether the result went out: pushed, or the local branch updated. */
  public boolean published() {
    return this == PUSHED || this == UPDATED;
  }
}
