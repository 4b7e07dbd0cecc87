package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.MergeAttempt;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.MergeConflict;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines task branches onto the integration worktree, one at a time, with the plan's strategy. A
 * conflict goes to the regenerator (lockfiles) or the resolver; one they do not settle is undone
 * and its task set aside, so that the integration branch always holds a good combination, and the
 * merge goes on with the next task.
 *
 * <p>Squash and rebase both replay the task's own commits with {@code cherry-pick}; squash then
 * folds what was replayed into one commit. Replaying commit by commit (rather than {@code
 * cherry-pick --no-commit}) is what lets a resolved conflict continue with the remaining commits.
 */
public final class BranchMerger {

  private final Git git;

  public BranchMerger(Git git) {
    this.git = git;
  }

  /**
   * Merges {@code branches} in order onto the worktree's HEAD, setting aside each one that
   * conflicts (after the regenerator and, with {@code onConflict: resolve}, the resolver tried) and
   * each one that needs a task set aside, and going on with the rest.
   *
   * @param combination what is combined so far; receives every task's outcome
   */
  public MergeOutcome merge(
      Path worktree,
      List<TaskBranch> branches,
      MergeSettings settings,
      ConflictResolver resolver,
      ConflictRegenerator regenerator,
      Combination combination) {
    for (TaskBranch task : branches) {
      List<String> missing = combination.needsSetAside(task);
      if (!missing.isEmpty()) {
        combination.setAside(needsSetAside(task, missing));
        continue;
      }
      // A merge commit takes the branch whole; only a replay needs the list of its own commits.
      List<String> own =
          settings.strategy() == MergeStrategy.MERGE
              ? List.of()
              : git.ownCommits(worktree, task.upstream(), task.commit());
      if (own.isEmpty() && settings.strategy() != MergeStrategy.MERGE) {
        combination.merged(task, git.head(worktree)); // nothing of its own to replay
        continue;
      }
      String before = git.head(worktree);
      MergeAttempt attempt = git.integrate(worktree, command(settings.strategy(), task, own));
      String unsettled = null;
      if (attempt.conflicted()) {
        Settler settler =
            new Settler(task, worktree, settings.onConflict(), resolver, regenerator, combination);
        unsettled =
            settle(worktree, task, attempt, settings.strategy(), before, settler, own.size());
        if (unsettled == null) {
          attempt = MergeAttempt.ok();
        }
      }
      if (!attempt.clean()) {
        abort(worktree, settings.strategy(), before);
        if (!attempt.conflicted()) {
          combination.setAside(mergeFailed(task, attempt.error()));
          continue;
        }
        MergeConflict conflict =
            describe(task, attempt.conflictedFiles(), merged(branches, combination));
        String reason = reason(conflict);
        if (!unsettled.isEmpty()) {
          reason += "; " + unsettled;
        }
        combination.conflict(conflict, reason);
        continue;
      }
      if (settings.strategy() == MergeStrategy.SQUASH) {
        git.output(worktree, "reset", "--soft", "--quiet", before);
        git.commitAll(worktree, squashMessage(task));
      }
      combination.merged(task, git.head(worktree));
    }
    return combination.outcome(git.head(worktree));
  }

  /** The branches of {@code branches} already in the combination. */
  private static List<TaskBranch> merged(List<TaskBranch> branches, Combination combination) {
    return branches.stream().filter(combination::contains).toList();
  }

  static SetAside mergeFailed(TaskBranch task, String error) {
    return new SetAside(
        task.taskId(),
        SetAsideCause.MERGE_FAILED,
        List.of(),
        List.of(),
        List.of(),
        "merging '" + task.taskId() + "' failed: " + error);
  }

  static SetAside needsSetAside(TaskBranch task, List<String> missing) {
    return new SetAside(
        task.taskId(),
        SetAsideCause.NEEDS_SET_ASIDE,
        List.of(),
        missing,
        List.of(),
        "'"
            + task.taskId()
            + "' needs "
            + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
            + ", set aside: its branch holds that work");
  }

  private static List<String> command(MergeStrategy strategy, TaskBranch task, List<String> own) {
    List<String> args = new ArrayList<>();
    if (strategy == MergeStrategy.MERGE) {
      // --no-verify: the user's commit hooks judge human commits, not the engine's merges
      args.addAll(
          List.of(
              "merge",
              "--no-ff",
              "--no-edit",
              "--no-verify",
              "-m",
              mergeMessage(task),
              task.commit()));
    } else {
      args.addAll(List.of("cherry-pick", "--keep-redundant-commits"));
      args.addAll(own);
    }
    return args;
  }

  /**
   * Settles each stop of the merge or replay, at most once per replayed commit. Returns why the
   * conflict stays ("" when nothing was there to settle it), or {@code null} when it was settled.
   */
  private String settle(
      Path worktree,
      TaskBranch task,
      MergeAttempt stopped,
      MergeStrategy strategy,
      String before,
      Settler settler,
      int commits) {
    MergeAttempt attempt = stopped;
    for (int round = 0; round < Math.max(1, commits); round++) {
      String failure = settler.settle(attempt.conflictedFiles());
      if (failure != null) {
        return failure;
      }
      git.output(worktree, "add", "-A");
      if (!git.conflictedFiles(worktree).isEmpty()
          || hasMarkers(worktree, attempt.conflictedFiles())) {
        return "it left conflict markers in " + String.join(", ", attempt.conflictedFiles());
      }
      if (strategy == MergeStrategy.MERGE) {
        return concludeMerge(worktree, before, task);
      }
      attempt = continueReplay(worktree);
      if (attempt.clean()) {
        return null;
      }
      if (!attempt.conflicted()) {
        return attempt.error();
      }
    }
    return "the replay kept stopping on conflicts";
  }

  /**
   * Commits the resolved merge, unless the resolver already did. A resolver that committed
   * something else than the merge (it aborted it and wrote the files itself) has not merged the
   * task.
   */
  private String concludeMerge(Path worktree, String before, TaskBranch task) {
    if (inProgress(worktree, "MERGE_HEAD")) {
      // The engine's own message: git's would keep its "# Conflicts:" lines, as no editor ran.
      git.output(worktree, "commit", "--quiet", "--no-verify", "-m", mergeMessage(task));
      return null;
    }
    String head = git.head(worktree);
    if (head.equals(before)) {
      return "it abandoned the merge";
    }
    return git.isAncestor(worktree, task.commit(), head)
        ? null
        : "it committed without merging '" + task.taskId() + "'";
  }

  /** Continues the replay after a resolution, whether or not the resolver committed it. */
  private MergeAttempt continueReplay(Path worktree) {
    if (!inProgress(worktree, "CHERRY_PICK_HEAD") && !inProgress(worktree, "sequencer")) {
      return MergeAttempt.ok();
    }
    return git.integrate(worktree, List.of("-c", "core.editor=true", "cherry-pick", "--continue"));
  }

  /** Whether git's state file {@code name} (MERGE_HEAD, CHERRY_PICK_HEAD, sequencer) exists. */
  private boolean inProgress(Path worktree, String name) {
    return Files.exists(worktree.resolve(git.output(worktree, "rev-parse", "--git-path", name)));
  }

  private boolean hasMarkers(Path worktree, List<String> files) {
    List<String> args = new ArrayList<>(List.of("grep", "-l", "-E", "^(<<<<<<<|>>>>>>>) ", "--"));
    args.addAll(files);
    return git.exec(worktree, args).exitCode() == 0;
  }

  /** Leaves the worktree exactly at {@code before}, whatever the stopped merge or replay left. */
  private void abort(Path worktree, MergeStrategy strategy, String before) {
    git.exec(
        worktree, List.of(strategy == MergeStrategy.MERGE ? "merge" : "cherry-pick", "--abort"));
    git.exec(worktree, List.of("reset", "--hard", "--quiet", before));
  }

  static String mergeMessage(TaskBranch task) {
    return "Merge " + task.taskId() + ": " + task.title() + " (agents)";
  }

  private static String squashMessage(TaskBranch task) {
    return task.title() + " (agents: " + task.taskId() + ")\n\nAgent-Task: " + task.taskId() + "\n";
  }

  /** Names the already merged tasks that touched the conflicted files. */
  static MergeConflict describe(TaskBranch task, List<String> files, List<TaskBranch> merged) {
    List<String> with =
        merged.stream()
            .filter(other -> other.changedFiles().stream().anyMatch(files::contains))
            .map(TaskBranch::taskId)
            .toList();
    return new MergeConflict(task.taskId(), files, with);
  }

  static String reason(MergeConflict conflict) {
    String text =
        "merging '" + conflict.task() + "' conflicts in " + String.join(", ", conflict.files());
    if (!conflict.with().isEmpty()) {
      text += " (also changed by " + String.join(", ", conflict.with()) + ")";
    }
    return text;
  }
}
