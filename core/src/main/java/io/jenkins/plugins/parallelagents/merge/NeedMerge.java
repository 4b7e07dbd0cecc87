package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.MergeAttempt;
import java.nio.file.Path;
import java.util.List;

/**
 * Merges a finished dependency's commit into a task's fresh worktree, before its agent starts: the
 * stacked dependencies of the agent contract. A conflict is undone and becomes the task's failure.
 */
public final class NeedMerge {

  private NeedMerge() {}

  /** Returns why the need could not be merged in, or {@code null} when it was. */
  public static String into(Git git, Path worktree, String taskId, String need, String commit) {
    MergeAttempt merged =
        git.integrate(
            worktree,
            List.of(
                "merge",
                "--no-edit",
                "--no-verify",
                "-m",
                "Merge " + need + " into " + taskId + " (agents)",
                commit));
    if (merged.clean()) {
      return null;
    }
    git.exec(worktree, List.of("merge", "--abort"));
    return "its dependency '"
        + need
        + "' could not be merged in: "
        + (merged.conflicted()
            ? "conflict in " + String.join(", ", merged.conflictedFiles())
            : merged.error());
  }
}
