package io.jenkins.plugins.parallelagents.push;

/** Where a pull request's changes come from, as the build's SCM source says. */
public enum PullRequestOrigin {
  /** A branch of the job's own repository. */
  SAME_REPOSITORY,
  /** Another repository. */
  FORK,
  /**
   * The build has a pull request id, but its SCM head is no change request the source describes (a
   * {@code CHANGE_ID} set by hand, a source that does not say where its pull requests come from):
   * treated as a fork.
   */
  UNKNOWN
}
