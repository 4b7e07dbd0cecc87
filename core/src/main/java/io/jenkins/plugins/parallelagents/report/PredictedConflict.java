package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * Two task branches that {@code git merge-tree} says will conflict, and in which files.
 *
 * @param regenerable whether every one of those files is regenerated rather than text-merged
 *     (lockfiles, dependency manifests, the plan's {@code merge.regenerate} files), so that the
 *     merge is expected to settle the conflict
 */
public record PredictedConflict(String a, String b, List<String> files, boolean regenerable) {
  public PredictedConflict {
    files = List.copyOf(files);
  }

  /** A conflict no rule regenerates. */
  public PredictedConflict(String a, String b, List<String> files) {
    this(a, b, files, false);
  }
}
