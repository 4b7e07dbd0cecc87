package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.lifecycle.SnapshotRefs;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A task prepared again in a workspace where it already ran (a Jenkins {@code retry} around its
 * step): the new try starts from the task's start point, as the first did, and what the earlier try
 * committed is kept under a snapshot ref ({@link SnapshotRefs#retried}), which the run's retention
 * keeps and drops with the rest of its saved work.
 */
final class EarlierTry {

  private EarlierTry() {}

  /**
   * Keeps the task's branch in {@code top} when it holds commits that {@code start} does not;
   * returns the ref that keeps them, or empty when there was nothing to keep.
   */
  static Optional<String> keep(
      Git git, Path top, String runId, String taskId, String branch, String start) {
    Optional<String> earlier = git.resolveCommit(top, "refs/heads/" + branch);
    if (earlier.isEmpty() || git.isAncestor(top, earlier.get(), start)) {
      return Optional.empty();
    }
    for (int n = 1; ; n++) {
      String ref = SnapshotRefs.retried(runId, taskId, n);
      Optional<String> kept = git.resolveCommit(top, ref);
      if (kept.isEmpty()) {
        // Empty old value: created only if no other call made it meanwhile.
        git.output(top, "update-ref", ref, earlier.get(), "");
        return Optional.of(ref);
      }
      if (kept.get().equals(earlier.get())) {
        return Optional.of(ref); // prepared twice without a new commit in between
      }
    }
  }
}
