package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.TamperedTreeException;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.report.MergeConflict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The combined tree, a repository of its own, when the merge needs one: merging there (where a
 * resolver, an agent too, may run), checking the tree as a task's is checked, taking the result
 * into the user's repository, and a fresh checkout of that result for the test.
 */
public final class CombinedTree {

  private final TaskRepositories trees;
  private final Path tree;
  private final String branch;

  /**
   * @param tree the combined tree's folder
   * @param branch the integration branch, the same in the tree and in the user's repository
   */
  public CombinedTree(TaskRepositories trees, Path tree, String branch) {
    this.trees = trees;
    this.tree = tree;
    this.branch = branch;
  }

  /**
   * Merges {@code branches} onto {@code start} in the tree with the plan's strategy, setting aside
   * what does not merge (see {@link BranchMerger}), then checks the tree and takes the result into
   * the user's repository. A tree a resolver left unusable fails the merge, saying what it did.
   */
  public MergeOutcome merge(
      Git git,
      String start,
      List<TaskBranch> branches,
      MergeSettings settings,
      ConflictResolver resolver,
      ConflictRegenerator regenerator,
      Combination combination) {
    trees.create(tree, branch, start);
    MergeOutcome outcome;
    try {
      outcome =
          new BranchMerger(git).merge(tree, branches, settings, resolver, regenerator, combination);
    } catch (TamperedTreeException e) {
      return unusable(List.of(), List.of(), e.getMessage());
    }
    if (outcome.commit() == null) {
      return outcome;
    }
    Optional<String> misdeed = trees.check(tree, branch, start);
    if (misdeed.isEmpty()) {
      misdeed = trees.collect(tree, outcome.commit(), branch, start);
    }
    return misdeed.isPresent()
        ? unusable(outcome.merged(), outcome.conflicts(), misdeed.get())
        : outcome;
  }

  /**
   * Checks {@code commit} out afresh for the test: the test then judges exactly the commit that
   * would be published, whatever a resolver left in the tree it merged in.
   */
  public void checkOut(String commit) {
    TaskRepositories.delete(tree);
    trees.create(tree, branch, commit);
  }

  public Path folder() {
    return tree;
  }

  private static MergeOutcome unusable(
      List<String> merged, List<MergeConflict> conflicts, String why) {
    return MergeOutcome.failed(merged, conflicts, "the combined tree cannot be used: " + why);
  }
}
