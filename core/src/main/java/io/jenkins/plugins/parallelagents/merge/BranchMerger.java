package io.jenkins.plugins.parallelagents.merge;

import io.jenkins.plugins.parallelagents.git.Git;
import io.jenkins.plugins.parallelagents.git.MergeAttempt;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.MergeConflict;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Combines task branches onto the integration worktree, one at a time, with the plan's strategy. A
 * conflict stops the merge (or goes to the resolver); the half-done merge is undone so that the
 * integration branch always holds the last good combination.
 */
public final class BranchMerger {

  private final Git git;

  public BranchMerger(Git git) {
    this.git = git;
  }

  public MergeOutcome merge(
      Path worktree, List<TaskBranch> branches, MergeSettings settings, ConflictResolver resolver) {
    List<String> merged = new ArrayList<>();
    List<TaskBranch> done = new ArrayList<>();
    boolean resolvedAny = false;
    for (TaskBranch task : branches) {
      List<String> own = git.ownCommits(worktree, task.upstream(), task.commit());
      if (own.isEmpty() && settings.strategy() != MergeStrategy.MERGE) {
        merged.add(task.taskId());
        continue; // nothing of its own to replay
      }
      MergeAttempt attempt = git.integrate(worktree, command(settings.strategy(), task, own));
      if (!attempt.clean()
          && attempt.conflicted()
          && settings.onConflict() == ConflictPolicy.RESOLVE) {
        String failure = resolve(worktree, task, attempt.conflictedFiles(), settings, resolver);
        if (failure == null) {
          attempt = MergeAttempt.ok();
          resolvedAny = true;
        }
      }
      if (!attempt.clean()) {
        abort(worktree, settings.strategy());
        String head = git.head(worktree);
        if (!attempt.conflicted()) {
          return new MergeOutcome(
              MergeStatus.FAILED,
              merged,
              head,
              List.of(),
              "merging '" + task.taskId() + "' failed: " + attempt.error());
        }
        MergeConflict conflict = describe(task, attempt.conflictedFiles(), done);
        return new MergeOutcome(
            MergeStatus.CONFLICT, merged, head, List.of(conflict), reason(conflict));
      }
      if (settings.strategy() == MergeStrategy.SQUASH) {
        git.commitAll(worktree, squashMessage(task));
      }
      merged.add(task.taskId());
      done.add(task);
    }
    MergeStatus status = resolvedAny ? MergeStatus.RESOLVED : MergeStatus.MERGED;
    return new MergeOutcome(status, merged, git.head(worktree), List.of(), null);
  }

  private static List<String> command(MergeStrategy strategy, TaskBranch task, List<String> own) {
    List<String> args = new ArrayList<>();
    switch (strategy) {
      case MERGE ->
          args.addAll(
              List.of(
                  "merge",
                  "--no-ff",
                  "--no-edit",
                  "-m",
                  "Merge " + task.taskId() + ": " + task.title() + " (agents)",
                  task.commit()));
      case SQUASH -> {
        args.addAll(List.of("cherry-pick", "--no-commit"));
        args.addAll(own);
      }
      case REBASE -> {
        args.addAll(List.of("cherry-pick", "--keep-redundant-commits"));
        args.addAll(own);
      }
    }
    return args;
  }

  private String resolve(
      Path worktree,
      TaskBranch task,
      List<String> files,
      MergeSettings settings,
      ConflictResolver resolver) {
    String failure = resolver.resolve(task, files, worktree);
    if (failure != null) {
      return failure;
    }
    git.output(worktree, "add", "-A");
    if (!git.conflictedFiles(worktree).isEmpty() || hasMarkers(worktree, files)) {
      return "the resolver left conflict markers";
    }
    switch (settings.strategy()) {
      case MERGE -> git.output(worktree, "commit", "--quiet", "--no-edit", "--no-verify");
      case SQUASH -> {
        // committed by the caller, as every squash is
      }
      case REBASE -> {
        MergeAttempt rest =
            git.integrate(worktree, List.of("-c", "core.editor=true", "cherry-pick", "--continue"));
        if (!rest.clean()) {
          return "the replay stopped again after the resolver";
        }
      }
    }
    return null;
  }

  private boolean hasMarkers(Path worktree, List<String> files) {
    List<String> args = new ArrayList<>(List.of("grep", "-l", "-E", "^(<<<<<<<|>>>>>>>) ", "--"));
    args.addAll(files);
    return git.exec(worktree, args).exitCode() == 0;
  }

  private void abort(Path worktree, MergeStrategy strategy) {
    if (strategy == MergeStrategy.MERGE) {
      git.exec(worktree, List.of("merge", "--abort"));
    } else {
      git.exec(worktree, List.of("cherry-pick", "--abort"));
      git.exec(worktree, List.of("reset", "--hard", "--quiet", "HEAD"));
    }
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
