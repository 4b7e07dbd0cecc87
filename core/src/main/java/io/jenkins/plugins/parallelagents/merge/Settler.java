package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.report.Resolution;
import java.nio.file.Path;
import java.util.List;

/**
 * Settles one stop of a task's merge: the regenerator when its rules cover every conflicted file,
 * else the resolver agent when the plan resolves conflicts. What settled it goes into the
 * combination, for the report.
 */
final class Settler {

  private final TaskBranch task;
  private final Path worktree;
  private final ConflictPolicy policy;
  private final ConflictResolver resolver;
  private final ConflictRegenerator regenerator;
  private final Combination combination;

  Settler(
      TaskBranch task,
      Path worktree,
      ConflictPolicy policy,
      ConflictResolver resolver,
      ConflictRegenerator regenerator,
      Combination combination) {
    this.task = task;
    this.worktree = worktree;
    this.policy = policy;
    this.resolver = resolver;
    this.regenerator = regenerator;
    this.combination = combination;
  }

  /**
   * Returns {@code null} when the conflict in {@code files} is settled (the files are written, the
   * caller stages them), else why not: empty when nothing was there to try.
   */
  String settle(List<String> files) {
    String regenerationFailure = null;
    if (regenerator.covers(files)) {
      ConflictRegenerator.Result result = regenerator.regenerate(worktree, task, files);
      if (result.done() != null) {
        combination.regenerated(result.done());
        return null;
      }
      regenerationFailure = "regenerating did not settle it: " + result.failure();
    }
    if (policy != ConflictPolicy.RESOLVE) {
      return regenerationFailure == null ? "" : regenerationFailure;
    }
    ResolutionDiff diff = ResolutionDiff.before(worktree, files);
    String failure = resolver.resolve(task, files, worktree);
    if (failure != null) {
      return "the resolver did not settle it: " + failure;
    }
    combination.resolved(
        files.stream().map(f -> new Resolution(task.taskId(), f, diff.after(f))).toList());
    return null;
  }
}
