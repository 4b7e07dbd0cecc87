package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TreeMerge;
import java.nio.file.Path;
import java.util.List;

/**
 * Combines task branches with merge commits without a worktree: each merge is computed in memory
 * ({@code git merge-tree}) and committed with {@code git commit-tree}. The result is the merge
 * {@link BranchMerger} makes with {@code git merge --no-ff}, but nothing is checked out, so a large
 * repository costs no checkout and no index refresh per merge. Only for conflicts that stop the
 * merge: a resolver or a regenerator needs a worktree to work in.
 */
public final class TreeMerger {

  private final Git git;

  public TreeMerger(Git git) {
    this.git = git;
  }

  /**
   * Merges the branches in order onto {@code start}, setting aside those that conflict or need a
   * task set aside; the outcome's commit is the combination of the rest, for the caller to put on
   * the integration branch.
   */
  public MergeOutcome merge(
      Path repo, String start, List<TaskBranch> branches, Combination combination) {
    String head = start;
    for (TaskBranch task : branches) {
      List<String> missing = combination.needsSetAside(task);
      if (!missing.isEmpty()) {
        combination.setAside(BranchMerger.needsSetAside(task, missing));
        continue;
      }
      TreeMerge result = git.mergeTree(repo, head, task.commit());
      if (!result.clean()) {
        if (result.conflictedFiles().isEmpty()) {
          combination.setAside(BranchMerger.mergeFailed(task, result.error()));
          continue;
        }
        var conflict =
            BranchMerger.describe(
                task,
                result.conflictedFiles(),
                branches.stream().filter(combination::contains).toList());
        combination.conflict(conflict, BranchMerger.reason(conflict));
        continue;
      }
      head =
          git.commitTree(
              repo, result.tree(), List.of(head, task.commit()), BranchMerger.mergeMessage(task));
      combination.merged(task, head);
    }
    return combination.outcome(head);
  }

  /**
   * The combination of {@code task} on top of {@code head}, in memory, or {@code null} when it does
   * not merge cleanly: the combinations a search for a broken test tries.
   */
  public String combine(Path repo, String head, TaskBranch task) {
    TreeMerge result = git.mergeTree(repo, head, task.commit());
    if (!result.clean()) {
      return null;
    }
    return git.commitTree(
        repo, result.tree(), List.of(head, task.commit()), BranchMerger.mergeMessage(task));
  }
}
