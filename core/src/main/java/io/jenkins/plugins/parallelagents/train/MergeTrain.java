package io.jenkins.plugins.parallelagents.train;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.merge.Combination;
import io.jenkins.plugins.parallelagents.merge.CombinedTree;
import io.jenkins.plugins.parallelagents.merge.ConflictRegenerator;
import io.jenkins.plugins.parallelagents.merge.ConflictResolver;
import io.jenkins.plugins.parallelagents.merge.MergeOutcome;
import io.jenkins.plugins.parallelagents.merge.TaskBranch;
import io.jenkins.plugins.parallelagents.merge.TreeMerger;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.SetAside;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Combines every task branch that merges, in merge order, setting aside the ones that do not (see
 * {@link Combination}): GitHub's merge queue and GitLab's merge trains do the same with pull
 * requests. {@link TestAndEject} then tests what was combined and ejects what breaks it.
 */
public final class MergeTrain {

  private final Git git;
  private final Path repository;
  private final CombinedTree tree;
  private final MergeSettings settings;
  private final ConflictResolver resolver;
  private final ConflictRegenerator regenerator;
  private final Consumer<String> integrationBranch;

  /**
   * @param repository the user's repository, where in-memory merges are written
   * @param tree the combined tree, for merges that need a worktree and for the test
   * @param integrationBranch points the user's integration branch at a commit made in memory (a
   *     merge in the combined tree moves it itself, when it takes the result in)
   */
  public MergeTrain(
      Git git,
      Path repository,
      CombinedTree tree,
      MergeSettings settings,
      ConflictResolver resolver,
      ConflictRegenerator regenerator,
      Consumer<String> integrationBranch) {
    this.git = git;
    this.repository = repository;
    this.tree = tree;
    this.settings = settings;
    this.resolver = resolver;
    this.regenerator = regenerator;
    this.integrationBranch = integrationBranch;
  }

  /**
   * Merges {@code branches} onto {@code start}.
   *
   * @param aside the tasks out before any merge (those that did not succeed); a task that needs one
   *     of them is set aside too
   */
  public MergeOutcome merge(String start, List<TaskBranch> branches, List<SetAside> aside) {
    return mergeOnto(start, branches, () -> new Combination(aside));
  }

  /** Merges {@code branches} onto {@code start}, adding to what {@code combination} makes. */
  MergeOutcome mergeOnto(
      String start,
      List<TaskBranch> branches,
      java.util.function.Supplier<Combination> combination) {
    if (settings.strategy() == MergeStrategy.MERGE
        && settings.onConflict() == ConflictPolicy.FAIL) {
      // Merge commits need no worktree, unless a conflict is one the regenerator settles.
      MergeOutcome inMemory =
          new TreeMerger(git).merge(repository, start, branches, combination.get());
      boolean regenerable =
          inMemory.conflicts().stream().anyMatch(c -> regenerator.covers(c.files()));
      if (!regenerable) {
        integrationBranch.accept(inMemory.commit());
        return inMemory;
      }
    }
    // The combined tree is a repository of its own: the resolver is an agent too.
    return tree.merge(git, start, branches, settings, resolver, regenerator, combination.get());
  }

  /**
   * Merges {@code task} onto {@code head} in memory; {@code null} when it does not merge cleanly.
   */
  String combine(String head, TaskBranch task) {
    return new TreeMerger(git).combine(repository, head, task);
  }

  CombinedTree tree() {
    return tree;
  }

  MergeSettings settings() {
    return settings;
  }

  /** Points the user's integration branch at {@code commit}. */
  void moveIntegrationBranch(String commit) {
    integrationBranch.accept(commit);
  }
}
