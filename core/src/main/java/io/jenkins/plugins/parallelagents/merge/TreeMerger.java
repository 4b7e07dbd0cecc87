package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TreeMerge;
import io.jenkins.plugins.parallelagents.report.MergeConflict;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines task branches with merge commits without a worktree: each merge is computed in memory
 * ({@code git merge-tree}) and committed with {@code git commit-tree}. The result is the merge
 * {@link BranchMerger} makes with {@code git merge --no-ff}, but nothing is checked out, so a large
 * repository costs no checkout and no index refresh per merge. Only for conflicts that stop the
 * merge: a resolver needs a worktree to work in.
 */
public final class TreeMerger {

  private final Git git;

  public TreeMerger(Git git) {
    this.git = git;
  }

  /**
   * Merges the branches in order onto {@code start}; the outcome's commit is the last merge that
   * worked, for the caller to put on the integration branch.
   */
  public MergeOutcome merge(Path repo, String start, List<TaskBranch> branches) {
    String head = start;
    List<String> merged = new ArrayList<>();
    List<TaskBranch> done = new ArrayList<>();
    for (TaskBranch task : branches) {
      TreeMerge result = git.mergeTree(repo, head, task.commit());
      if (!result.clean()) {
        if (result.conflictedFiles().isEmpty()) {
          return new MergeOutcome(
              MergeStatus.FAILED,
              merged,
              head,
              List.of(),
              "merging '" + task.taskId() + "' failed: " + result.error());
        }
        MergeConflict conflict = BranchMerger.describe(task, result.conflictedFiles(), done);
        return new MergeOutcome(
            MergeStatus.CONFLICT, merged, head, List.of(conflict), BranchMerger.reason(conflict));
      }
      head =
          git.commitTree(
              repo, result.tree(), List.of(head, task.commit()), BranchMerger.mergeMessage(task));
      merged.add(task.taskId());
      done.add(task);
    }
    return new MergeOutcome(MergeStatus.MERGED, merged, head, List.of(), null);
  }
}
