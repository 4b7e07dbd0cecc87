package io.jenkins.plugins.parallelagents.lifecycle;

/**
 * Where the work saved from a removed run is kept in the user's repository, one namespace per run:
 * {@code refs/parallel-agents/snapshots/<run>/<tree>} holds a task's (or attempt's) branch that the
 * target did not contain, {@code refs/parallel-agents/snapshots/<run>/<tree>.uncommitted} a commit
 * of what its tree held beyond its HEAD (parent: that HEAD). {@code <tree>} is the task id, or
 * {@code <task>.attempt-<n>} for an attempt, as in the run's branch names; {@code <task>.retry-<n>}
 * keeps what a task's earlier try committed when the host ran the task again in the same workspace
 * (a Jenkins {@code retry}). Outside {@code refs/heads}, so they list as no branch, but keep their
 * commits from git's garbage collection.
 */
public final class SnapshotRefs {

  static final String ROOT = "refs/parallel-agents/snapshots/";
  static final String UNCOMMITTED = ".uncommitted";
  static final String RETRY = ".retry-";

  private SnapshotRefs() {}

  /** The namespace of one run's snapshots. */
  public static String ofRun(String runId) {
    return ROOT + runId;
  }

  /** The saved branch of a task or attempt. */
  public static String branch(String runId, String tree) {
    return ofRun(runId) + "/" + tree;
  }

  /** The {@code n}-th earlier try of a task that a host ran again in the same workspace. */
  public static String retried(String runId, String taskId, int n) {
    return branch(runId, taskId + RETRY + n);
  }

  /** Whether a snapshot's name (after {@code <run>/}) is one of {@link #retried}. */
  static boolean isRetried(String name) {
    int at = name.lastIndexOf(RETRY);
    return at > 0 && name.substring(at + RETRY.length()).matches("[1-9][0-9]*");
  }

  /** The saved uncommitted work of a task's or attempt's tree. */
  public static String uncommitted(String runId, String tree) {
    return branch(runId, tree) + UNCOMMITTED;
  }

  /** The run's branches' folder: {@code agents/<run>}. */
  static String runBranches(String runId) {
    return "refs/heads/agents/" + runId;
  }
}
